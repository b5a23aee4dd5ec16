package campus.courses.doc;

import com.vladsch.flexmark.util.ast.Node;
import java.util.Arrays;

/**
 * 1-based source line of a Flexmark node. Flexmark's {@code getStartLineNumber} scans the document
 * from the start on every call, which made line numbers half the parse time of a long lesson; this
 * binary-searches line starts computed once per document ({@code \n}, {@code \r\n} and {@code \r}).
 */
final class LineIndex {

    private final int[] starts;

    LineIndex(CharSequence text) {
        int[] s = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        starts = Arrays.copyOf(s, n);
    }

    int line(Node node) {
        int i = Arrays.binarySearch(starts, node.getStartOffset());
        return i >= 0 ? i + 1 : -i - 1;
    }
}

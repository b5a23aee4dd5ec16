package campus.labs.sql;

import java.util.function.Consumer;

/**
 * The one SQL lexer of Campus: the guard, the statement splitter, the dump importer, the editor's colours,
 * bracket matching and completion all read SQL through it, so what the learner sees coloured is what runs.
 *
 * <p>It follows H2 2.3's own {@code org.h2.command.Tokenizer} (MySQL mode) character for character where that
 * decides what a token is: white space is every character up to U+0020 and every Unicode space character
 * ({@code Character.isSpaceChar}: U+00A0, U+2000…U+200A, U+3000, U+2028…), identifiers start with a Java
 * identifier start and go on with Java identifier parts, {@code --} and {@code //} run to the end of the line,
 * {@code /* *}{@code /} nests, {@code '…'} strings double their quote and know no backslash escape, {@code "…"}
 * and {@code `…`} quote names, {@code $$…$$} is a string, {@code $1} and {@code ?} are parameters, and
 * {@code #} and {@code \} are not comments or escapes but stray symbols (H2 reports a syntax error there).
 * In {@link Flavor#MYSQL} (reading a mysqldump) {@code #} starts a comment, strings take backslash escapes,
 * {@code @} is part of a name and block comments do not nest, as in MySQL.
 *
 * <p>Never fails: an unterminated string, quoted name or block comment runs to the end of the range and is
 * reported as not {@link Lexeme#closed() closed}. {@link #lex} takes the {@link State} a range starts in and
 * returns the one it ends in, so an editor can lex line by line and re-lex only from an edited line until the
 * states agree again. Plain ranges, no values: {@link SqlTokenizer} turns lexemes into tokens with their
 * meaning (escapes resolved, names case-folded) and refuses unterminated ones.
 */
public final class SqlLexer {

    public enum Flavor { H2, MYSQL }

    public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, PARAMETER, COMMENT }

    /** {@code [start, end)} of the text is one lexeme; {@code closed} is false for a token cut off by the range's end. */
    public record Lexeme(Kind kind, int start, int end, boolean closed) {
    }

    /** Where a range of text starts or ends: outside any token, or inside one that crosses lines. */
    public record State(Mode mode, int depth) {

        public enum Mode { NORMAL, BLOCK_COMMENT, STRING, DOUBLE_QUOTED, BACKTICK, DOLLAR_STRING }

        public static final State NORMAL = new State(Mode.NORMAL, 0);
        public static final State BLOCK_COMMENT = new State(Mode.BLOCK_COMMENT, 1);
        public static final State STRING = new State(Mode.STRING, 0);
        public static final State DOUBLE_QUOTED = new State(Mode.DOUBLE_QUOTED, 0);
        public static final State BACKTICK = new State(Mode.BACKTICK, 0);
        public static final State DOLLAR_STRING = new State(Mode.DOLLAR_STRING, 0);
    }

    private static final String[] OPERATORS = {"<=>", "->>", "<>", "<=", ">=", "!=", "||", "::", ":=", "->", "&&", "!~"};

    private final CharSequence s;
    private final int to;
    private final Flavor flavor;
    private final Consumer<Lexeme> out;
    private int i;

    private SqlLexer(CharSequence s, int from, int to, Flavor flavor, Consumer<Lexeme> out) {
        this.s = s;
        this.i = from;
        this.to = to;
        this.flavor = flavor;
        this.out = out;
    }

    /**
     * Lexes {@code text[from, to)} starting in {@code state}, handing each lexeme (offsets into {@code text}) to
     * {@code out} in order. Returns the state at {@code to}.
     */
    public static State lex(CharSequence text, int from, int to, State state, Flavor flavor, Consumer<Lexeme> out) {
        return new SqlLexer(text, from, to, flavor, out).run(state);
    }

    /** The whole text from {@link State#NORMAL}. */
    public static State lex(CharSequence text, Flavor flavor, Consumer<Lexeme> out) {
        return lex(text, 0, text.length(), State.NORMAL, flavor, out);
    }

    /** White space as H2 reads it between tokens: control characters, the space, and Unicode space characters. */
    public static boolean isSpace(int cp) {
        return cp <= ' ' || Character.isSpaceChar(cp);
    }

    private State run(State state) {
        if (state.mode() != State.Mode.NORMAL) {
            int start = i;
            State open = finish(state);
            emit(kindOf(state.mode()), start, open == null);
            if (open != null) {
                return open;
            }
        }
        while (i < to) {
            int cp = Character.codePointAt(s, i);
            if (isSpace(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            char c = s.charAt(i);
            State open = null;
            Kind kind;
            if (c == '-' && at(i + 1, '-') || c == '/' && at(i + 1, '/') || c == '#' && flavor == Flavor.MYSQL) {
                while (i < to && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    i++;
                }
                kind = Kind.COMMENT;
            } else if (c == '/' && at(i + 1, '*')) {
                i += 2;
                open = finish(State.BLOCK_COMMENT);
                kind = Kind.COMMENT;
            } else if (c == '\'' || (c == 'N' || c == 'n' || c == 'X' || c == 'x') && at(i + 1, '\'')
                    || (c == 'U' || c == 'u') && at(i + 1, '&') && at(i + 2, '\'')) {
                i = s.charAt(i) == '\'' ? i + 1 : s.charAt(i + 1) == '\'' ? i + 2 : i + 3;
                open = finish(State.STRING);
                kind = Kind.STRING;
            } else if (c == '"' || (c == 'U' || c == 'u') && at(i + 1, '&') && at(i + 2, '"')) {
                i += c == '"' ? 1 : 3;
                open = finish(State.DOUBLE_QUOTED);
                kind = Kind.QUOTED_IDENTIFIER;
            } else if (c == '`') {
                i++;
                open = finish(State.BACKTICK);
                kind = Kind.QUOTED_IDENTIFIER;
            } else if (c == '$' && at(i + 1, '$')) {
                i += 2;
                open = finish(State.DOLLAR_STRING);
                kind = Kind.STRING;
            } else if (c == '?' || c == '$') {
                i++;
                while (c == '$' && i < to && isDigit(s.charAt(i))) {
                    i++;
                }
                kind = Kind.PARAMETER;
            } else if (isDigit(c) || c == '.' && i + 1 < to && isDigit(s.charAt(i + 1))) {
                number();
                kind = Kind.NUMBER;
            } else if (c == '@' && flavor == Flavor.MYSQL || Character.isJavaIdentifierStart(cp)) {
                i += Character.charCount(cp);
                while (i < to) {
                    int p = Character.codePointAt(s, i);
                    if (!Character.isJavaIdentifierPart(p) && !(p == '@' && flavor == Flavor.MYSQL)) {
                        break;
                    }
                    i += Character.charCount(p);
                }
                kind = Kind.WORD;
            } else {
                operator();
                kind = Kind.SYMBOL;
            }
            emit(kind, start, open == null);
            if (open != null) {
                return open;
            }
        }
        return State.NORMAL;
    }

    private void emit(Kind kind, int start, boolean closed) {
        if (i > start) {
            out.accept(new Lexeme(kind, start, i, closed));
        }
    }

    /** Moves past the end of a token begun in {@code state}: null when it closed, else the state at {@link #to}. */
    private State finish(State state) {
        switch (state.mode()) {
            case BLOCK_COMMENT: {
                int depth = state.depth();
                while (i < to) {
                    char c = s.charAt(i);
                    if (c == '*' && at(i + 1, '/')) {
                        i += 2;
                        if (--depth == 0) {
                            return null;
                        }
                    } else if (c == '/' && at(i + 1, '*') && flavor == Flavor.H2) {
                        i += 2;
                        depth++;
                    } else {
                        i++;
                    }
                }
                return new State(State.Mode.BLOCK_COMMENT, depth);
            }
            case DOLLAR_STRING:
                while (i < to) {
                    if (s.charAt(i) == '$' && at(i + 1, '$')) {
                        i += 2;
                        return null;
                    }
                    i++;
                }
                return state;
            case STRING:
                return quoted('\'', flavor == Flavor.MYSQL) ? null : state;
            case DOUBLE_QUOTED:
                return quoted('"', false) ? null : state;
            case BACKTICK:
                return quoted('`', false) ? null : state;
            default:
                return null;
        }
    }

    /** Past the closing quote (a doubled quote is one quote; with {@code backslash} a backslash escapes). */
    private boolean quoted(char q, boolean backslash) {
        while (i < to) {
            char c = s.charAt(i);
            if (backslash && c == '\\') {
                i = Math.min(to, i + 2);
            } else if (c == q) {
                if (at(i + 1, q)) {
                    i += 2;
                } else {
                    i++;
                    return true;
                }
            } else {
                i++;
            }
        }
        return false;
    }

    private void number() {
        char c = s.charAt(i);
        if (c == '0' && i + 1 < to && "xXbBoO".indexOf(s.charAt(i + 1)) >= 0) {
            i += 2;
            while (i < to && Character.digit(s.charAt(i), 16) >= 0) {
                i++;
            }
            return;
        }
        while (i < to && isDigit(s.charAt(i))) {
            i++;
        }
        if (i < to && s.charAt(i) == '.') {
            i++;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
            }
        }
        if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < to && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < to && isDigit(s.charAt(j))) {
                i = j;
                while (i < to && isDigit(s.charAt(i))) {
                    i++;
                }
            }
        }
    }

    private void operator() {
        for (String op : OPERATORS) {
            if (i + op.length() <= to && regionIs(i, op)) {
                i += op.length();
                return;
            }
        }
        i += Character.charCount(Character.codePointAt(s, i));
    }

    private boolean regionIs(int at, String op) {
        for (int k = 0; k < op.length(); k++) {
            if (s.charAt(at + k) != op.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean at(int j, char c) {
        return j < to && s.charAt(j) == c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Kind kindOf(State.Mode m) {
        switch (m) {
            case BLOCK_COMMENT:
                return Kind.COMMENT;
            case DOUBLE_QUOTED:
            case BACKTICK:
                return Kind.QUOTED_IDENTIFIER;
            default:
                return Kind.STRING;
        }
    }
}

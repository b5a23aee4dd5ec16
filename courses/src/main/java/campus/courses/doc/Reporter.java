package campus.courses.doc;

/** Where the parser's helpers report a located problem: a line of the lesson, a message key, arguments. */
@FunctionalInterface
interface Reporter {

    void problem(int line, String key, Object... args);
}

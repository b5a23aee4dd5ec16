package campus.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import campus.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code campus validate DIR} on a content root laid out as documented: courses, {@code datasets/}, exam folders. */
class ValidateLayoutTest {

    @Test
    void aContentRootsDatasetsFolderIsNotReportedAsACourseWithoutCourseJson(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("datasets"));
        Files.writeString(root.resolve("datasets/shop.sql"), "-- @title.en Shop\nCREATE TABLE t (a INT);\nINSERT INTO t VALUES (1);\n");
        Files.createDirectories(root.resolve("notes"));
        assertEquals(List.of(root.resolve("notes") + ":0: Folder has no course.json, so it is not a course"
                        + " (a course folder needs course.json next to its lesson folders)"),
                ContentValidator.validateFolders(List.of(root)).stream().map(p -> p.format(Lang.EN)).toList());
    }
}

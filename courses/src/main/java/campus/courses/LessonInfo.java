package campus.courses;

import campus.i18n.Text;

/**
 * A lesson as listed in a course's table of contents: its folder name and its title in each language
 * (read from the front matter alone, so listing a course does not parse every lesson).
 */
public record LessonInfo(String slug, Text title) { }

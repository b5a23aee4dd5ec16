package campus.app;

import campus.app.cli.Cli;
import campus.app.trace.Milestones;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;

/**
 * Entry point of the {@code campus} command. A subcommand runs the command-line tools without
 * touching JavaFX; anything else starts the app. It is a plain class (not an {@code Application})
 * so it runs from the class path without the JavaFX launcher's module checks.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (!list.isEmpty() && Cli.isCommand(list.get(0))) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            System.exit(Cli.run(list, out, err));
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(list);
        } catch (IllegalArgumentException e) {
            System.err.println("campus: " + e.getMessage());
            System.err.println("usage: campus [--content DIR]… [--lang en|zh] [--data DIR] [EXAM.campusexam]"
                    + "   (campus help: the tools)");
            System.exit(2);
            return;
        }
        // Reading the state, the course list and the first lesson overlaps with the toolkit start-up.
        Measuring.trace();
        Milestones milestones = Measuring.milestones();
        milestones.reached("main");
        CampusApp.preload(Preload.start(options, milestones));
        Application.launch(CampusApp.class, args);
    }
}

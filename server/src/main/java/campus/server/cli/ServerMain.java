package campus.server.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Runs the progress server alone, without the app's classes: {@code java -cp … campus.server.cli.ServerMain [options]}. */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(ServerCommand.run(Arrays.asList(args), out, err));
    }
}

package campus.certification.cli;

import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Positional arguments, {@code --name value} options (a repeated one keeps every value, in order) and
 * {@code --flag}s without a value; unknown options are a usage error.
 */
final class Args {

    final List<String> positional = new ArrayList<>();
    final Map<String, String> options = new HashMap<>();
    final Map<String, List<String>> repeated = new HashMap<>();
    final Set<String> flags = new HashSet<>();
    String error;

    static Args parse(List<String> args, Set<String> known) {
        return parse(args, known, Set.of());
    }

    static Args parse(List<String> args, Set<String> known, Set<String> knownFlags) {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("--")) {
                String name = s.substring(2);
                if (knownFlags.contains(name)) {
                    a.flags.add(name);
                    continue;
                }
                if (!known.contains(name) && !name.equals("lang")) {
                    a.error = s;
                    return a;
                }
                if (i + 1 >= args.size()) {
                    a.error = s;
                    return a;
                }
                String value = args.get(++i);
                a.options.put(name, value);
                a.repeated.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** Every value given for a repeatable option, in the order given. */
    List<String> all(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    Lang lang() {
        return option("lang").flatMap(Lang::fromCode).orElse(Lang.EN);
    }
}

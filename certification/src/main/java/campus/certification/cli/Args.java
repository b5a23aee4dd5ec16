package campus.certification.cli;

import campus.i18n.Lang;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Positional arguments and {@code --name value} options; unknown options are a usage error. */
final class Args {

    final List<String> positional = new ArrayList<>();
    final Map<String, String> options = new HashMap<>();
    String error;

    static Args parse(List<String> args, Set<String> known) {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("--")) {
                String name = s.substring(2);
                if (!known.contains(name) && !name.equals("lang")) {
                    a.error = s;
                    return a;
                }
                if (i + 1 >= args.size()) {
                    a.error = s;
                    return a;
                }
                a.options.put(name, args.get(++i));
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    Lang lang() {
        return option("lang").flatMap(Lang::fromCode).orElse(Lang.EN);
    }
}

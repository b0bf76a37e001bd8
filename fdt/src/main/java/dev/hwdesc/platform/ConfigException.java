package dev.hwdesc.platform;

import java.util.List;
import java.util.Map;

/** A config that cannot describe a VM: each problem names the key it is about and, where known, its place. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One problem: the key ("gic.version"), where the key was set (line and column in the config
     * file, 0 when unknown or given by a flag) and what is wrong.
     */
    public record Problem(String key, int line, int column, String message) {

        public Problem(String key, String message) {
            this(key, 0, 0, message);
        }

        public boolean hasLine() {
            return line > 0;
        }
    }

    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.isEmpty() ? "bad config" : problems.get(0).key() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public static ConfigException of(String key, String message) {
        return new ConfigException(List.of(new Problem(key, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * The same problems, each without a place given the place where its key (or the nearest key
     * above it: "gic" for "gic.version") was set.
     */
    public ConfigException locatedBy(Map<String, int[]> places) {
        return new ConfigException(problems.stream().map(p -> {
            if (p.hasLine()) {
                return p;
            }
            for (String k = p.key(); !k.isEmpty(); k = k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : "") {
                int[] at = places.get(k);
                if (at != null) {
                    return new Problem(p.key(), at[0], at[1], p.message());
                }
            }
            return p;
        }).toList());
    }
}

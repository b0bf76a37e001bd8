package dev.hwdesc.platform;

import java.util.List;

/** A config that cannot describe a VM: each problem names the key it is about and, where known, its line. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** One problem: the key ("gic.version"), the line in the config file (0 when unknown) and what is wrong. */
    public record Problem(String key, int line, String message) {
    }

    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.isEmpty() ? "bad config" : problems.get(0).key() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public static ConfigException of(String key, String message) {
        return new ConfigException(List.of(new Problem(key, 0, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}

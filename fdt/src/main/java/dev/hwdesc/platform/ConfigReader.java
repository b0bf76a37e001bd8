package dev.hwdesc.platform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a machine config from YAML or JSON (Jackson's parsers, token by token, so every key keeps its
 * line and column), and applies --set overrides with the same keys. Every problem in the file is
 * reported, not only the first: unknown keys, values of the wrong type, values out of range.
 */
public final class ConfigReader {

    /** The syntax of a config file. */
    public enum Format {
        YAML, JSON;

        /** JSON for a name ending in .json, YAML otherwise (YAML also reads JSON). */
        public static Format of(String fileName) {
            return fileName.endsWith(".json") ? JSON : YAML;
        }
    }

    /** A config file's size limit: a machine config is a few lines. */
    public static final int MAX_BYTES = 1 << 20;

    private final MachineConfig.Builder builder;
    private final ConfigKeys.Partial partial = new ConfigKeys.Partial();
    private final Map<String, int[]> places = new HashMap<>();
    private final List<ConfigException.Problem> problems = new ArrayList<>();

    /** Starts from an empty config. */
    public ConfigReader() {
        this.builder = MachineConfig.builder();
    }

    /** Reads a whole config file into this reader's settings. */
    public ConfigReader read(String text, Format format) {
        if (text.length() > MAX_BYTES) {
            problems.add(new ConfigException.Problem("", 1, 1, "a config file of " + text.length() + " bytes is too large (limit " + MAX_BYTES + ")"));
            return this;
        }
        JsonFactory factory = format == Format.JSON ? new JsonFactory() : new YAMLFactory();
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return this; // an empty file: every default
            }
            if (first != JsonToken.START_OBJECT) {
                problem("", parser.currentTokenLocation(), "a config is a mapping of keys to values, such as \"cpus: 4\"");
                return this;
            }
            readMapping(parser, "");
            if (parser.nextToken() != null) {
                problem("", parser.currentTokenLocation(), "more after the end of the config");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            problems.add(new ConfigException.Problem("", at == null ? 0 : Math.max(1, at.getLineNr()),
                    at == null ? 0 : Math.max(1, at.getColumnNr()), "syntax error: " + firstLine(message)));
        } catch (IOException e) {
            problems.add(new ConfigException.Problem("", "cannot read: " + e.getMessage()));
        }
        return this;
    }

    private void readMapping(JsonParser parser, String prefix) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix + parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            places.put(key, new int[] {keyAt.getLineNr(), keyAt.getColumnNr()});
            JsonToken value = parser.nextToken();
            if (!ConfigKeys.known(key)) {
                problem(key, keyAt, ConfigKeys.unknown(key));
                parser.skipChildren();
                continue;
            }
            if (value == JsonToken.START_OBJECT) {
                if (ConfigKeys.isSection(key)) {
                    readMapping(parser, key + ".");
                } else {
                    problem(key, keyAt, "must be a single value, not a mapping");
                    parser.skipChildren();
                }
            } else if (value == JsonToken.START_ARRAY) {
                if (key.equals("numa.nodes")) {
                    readNumaNodes(parser, keyAt);
                } else if (key.equals("numa.distances")) {
                    readMatrix(parser, key, keyAt);
                } else if (key.equals("numa.hmat-lb")) {
                    readElements(parser, key, HMAT_LB, "a latency or bandwidth has initiator, target, hierarchy,"
                            + " data-type and latency or bandwidth").ifPresent(l -> partial.hmatLb = Optional.of(hmatLb(l)));
                } else if (key.equals("numa.hmat-cache")) {
                    readElements(parser, key, HMAT_CACHE, "a cache has node-id, size, level, associativity, policy"
                            + " and line").ifPresent(l -> partial.hmatCaches = Optional.of(hmatCaches(l)));
                } else {
                    problem(key, keyAt, "must be a single value, not a list");
                    parser.skipChildren();
                }
            } else if (ConfigKeys.isList(key)) {
                problem(key, keyAt, "must be a list");
            } else {
                if (!ConfigKeys.takesValue(key)) {
                    problem(key, keyAt, "must be a mapping of " + key + "'s keys");
                    continue;
                }
                set(key, scalar(parser, value), keyAt);
            }
        }
    }

    /** numa.nodes: a list of {cpus, memory}, cpus a list of indexes or ranges ("0-3"), memory a size (default 0). */
    private void readNumaNodes(JsonParser parser, JsonLocation listAt) throws IOException {
        List<MachineConfig.NumaNode> nodes = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String where = "numa.nodes[" + nodes.size() + "]";
            List<Integer> cpus = new ArrayList<>();
            long memory = 0;
            Optional<Integer> initiator = Optional.empty();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonLocation at = parser.currentTokenLocation();
                JsonToken t = parser.nextToken();
                switch (field) {
                    case "cpus" -> {
                        Optional<List<Integer>> list = cpuList(parser, t);
                        if (list.isEmpty()) {
                            problem(where + ".cpus", at, "must be CPU indexes or ranges such as [0, 1] or \"0-3\"");
                        } else {
                            cpus.addAll(list.get());
                        }
                    }
                    case "memory" -> {
                        Optional<Long> size = t.isScalarValue() && t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE
                                ? Sizes.parse(parser.getText()) : Optional.empty();
                        if (size.isEmpty()) {
                            problem(where + ".memory", at, "must be a size such as 1GiB");
                            parser.skipChildren();
                        } else {
                            memory = size.get();
                        }
                    }
                    case "initiator" -> {
                        Optional<Integer> node = t.isScalarValue() ? ConfigKeys.integer(scalar(parser, t), 0, 127)
                                : Optional.empty();
                        if (node.isEmpty()) {
                            problem(where + ".initiator", at, "must be a NUMA node number");
                            parser.skipChildren();
                        } else {
                            initiator = node;
                        }
                    }
                    default -> {
                        problem(where + "." + field, at, "unknown key; a NUMA node has cpus, memory and initiator");
                        parser.skipChildren();
                    }
                }
            }
            nodes.add(new MachineConfig.NumaNode(cpus, memory, initiator));
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            problem("numa.nodes", parser.currentTokenLocation(), "each NUMA node is a mapping with cpus and memory");
            skipToEndOfArray(parser);
            return;
        }
        // Kept even when a field was bad, so the profile can still check the nodes and the distances.
        builder.numaNodes(nodes);
    }

    /** How one key of a list element is read, and what it must be. */
    private record ElementKey(Function<ConfigKeys.Scalar, Optional<?>> read, String expected) {
    }

    /** A list element read: where it starts and its keys' values (the bad ones reported and left out). */
    private record Element(String where, JsonLocation at, Map<String, Object> values) {
        <T> Optional<T> get(String key, Class<T> type) {
            return Optional.ofNullable(values.get(key)).map(type::cast);
        }
    }

    private static final Map<String, ElementKey> HMAT_LB = Map.of(
            "initiator", new ElementKey(v -> ConfigKeys.integer(v, 0, 127), "a NUMA node number"),
            "target", new ElementKey(v -> ConfigKeys.integer(v, 0, 127), "a NUMA node number"),
            "hierarchy", new ElementKey(v -> ConfigKeys.oneOf(v, MachineConfig.Hmat.Hierarchy.values()),
                    "memory, first-level, second-level or third-level"),
            "data-type", new ElementKey(v -> ConfigKeys.oneOf(v, MachineConfig.Hmat.DataType.values()),
                    "access-latency, read-latency, write-latency, access-bandwidth, read-bandwidth or write-bandwidth"),
            "latency", new ElementKey(v -> ConfigKeys.integer(v, 0, Integer.MAX_VALUE).map(Long::valueOf),
                    "a latency in nanoseconds"),
            "bandwidth", new ElementKey(ConfigKeys::size, "a bandwidth in bytes per second, such as 10M"));

    private static final Map<String, ElementKey> HMAT_CACHE = Map.of(
            "node-id", new ElementKey(v -> ConfigKeys.integer(v, 0, 127), "a NUMA node number"),
            "size", new ElementKey(ConfigKeys::size, "a size such as 10K"),
            "level", new ElementKey(v -> ConfigKeys.integer(v, 1, 3), "1, 2 or 3"),
            "associativity", new ElementKey(v -> ConfigKeys.oneOf(v, MachineConfig.Hmat.Associativity.values()),
                    "none, direct or complex"),
            "policy", new ElementKey(v -> ConfigKeys.oneOf(v, MachineConfig.Hmat.WritePolicy.values()),
                    "none, write-back or write-through"),
            "line", new ElementKey(v -> ConfigKeys.integer(v, 0, 0xFFFF), "a line size in bytes, up to 65535"));

    /**
     * A list of mappings of scalars (numa.hmat-lb, numa.hmat-cache), each key read by {@code keys};
     * empty when the list itself is not a list of mappings.
     */
    private Optional<List<Element>> readElements(JsonParser parser, String key, Map<String, ElementKey> keys, String what)
            throws IOException {
        List<Element> out = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String where = key + "[" + out.size() + "]";
            JsonLocation elementAt = parser.currentTokenLocation();
            Map<String, Object> values = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonLocation at = parser.currentTokenLocation();
                JsonToken t = parser.nextToken();
                ElementKey k = keys.get(field);
                Optional<?> value = k != null && t.isScalarValue() ? k.read().apply(scalar(parser, t)) : Optional.empty();
                if (value.isPresent()) {
                    values.put(field, value.get());
                } else {
                    problem(where + "." + field, at, k == null ? "unknown key; " + what : "must be " + k.expected());
                    parser.skipChildren();
                }
            }
            out.add(new Element(where, elementAt, values));
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            problem(key, parser.currentTokenLocation(), "must be a list of mappings: " + what);
            skipToEndOfArray(parser);
            return Optional.empty();
        }
        return Optional.of(out);
    }

    /** numa.hmat-lb: -numa hmat-lb's initiator, target, hierarchy (memory by default), data-type and value. */
    private List<MachineConfig.Hmat.LatencyBandwidth> hmatLb(List<Element> elements) {
        List<MachineConfig.Hmat.LatencyBandwidth> out = new ArrayList<>();
        for (Element e : elements) {
            Optional<Integer> initiator = e.get("initiator", Integer.class);
            Optional<Integer> target = e.get("target", Integer.class);
            Optional<MachineConfig.Hmat.DataType> type = e.get("data-type", MachineConfig.Hmat.DataType.class);
            MachineConfig.Hmat.Hierarchy hierarchy = e.get("hierarchy", MachineConfig.Hmat.Hierarchy.class)
                    .orElse(MachineConfig.Hmat.Hierarchy.MEMORY);
            if (initiator.isEmpty() || target.isEmpty() || type.isEmpty()) {
                problem(e.where(), e.at(), "needs initiator, target and data-type");
                continue;
            }
            String valueKey = type.get().latency() ? "latency" : "bandwidth";
            String otherKey = type.get().latency() ? "bandwidth" : "latency";
            Optional<Long> value = e.get(valueKey, Long.class);
            if (value.isEmpty() || e.values().containsKey(otherKey)) {
                problem(e.where(), e.at(), "a " + ConfigKeys.configName(type.get()) + " takes " + valueKey + " (and no "
                        + otherKey + ")");
                continue;
            }
            out.add(new MachineConfig.Hmat.LatencyBandwidth(initiator.get(), target.get(), hierarchy, type.get(), value.get()));
        }
        return out;
    }

    /** numa.hmat-cache: -numa hmat-cache's node-id, size, level, associativity, policy and line. */
    private List<MachineConfig.Hmat.MemoryCache> hmatCaches(List<Element> elements) {
        List<MachineConfig.Hmat.MemoryCache> out = new ArrayList<>();
        for (Element e : elements) {
            Optional<Integer> node = e.get("node-id", Integer.class);
            Optional<Long> size = e.get("size", Long.class);
            Optional<Integer> level = e.get("level", Integer.class);
            if (node.isEmpty() || size.isEmpty() || level.isEmpty()) {
                problem(e.where(), e.at(), "needs node-id, size and level");
                continue;
            }
            out.add(new MachineConfig.Hmat.MemoryCache(node.get(), level.get(), size.get(),
                    e.get("associativity", MachineConfig.Hmat.Associativity.class).orElse(MachineConfig.Hmat.Associativity.NONE),
                    e.get("policy", MachineConfig.Hmat.WritePolicy.class).orElse(MachineConfig.Hmat.WritePolicy.NONE),
                    e.get("line", Integer.class).orElse(0)));
        }
        return out;
    }

    private static Optional<List<Integer>> cpuList(JsonParser parser, JsonToken t) throws IOException {
        List<Integer> cpus = new ArrayList<>();
        if (t == JsonToken.START_ARRAY) {
            for (JsonToken e = parser.nextToken(); e != JsonToken.END_ARRAY; e = parser.nextToken()) {
                if (e == null || !addCpus(cpus, parser.getText(), e)) {
                    if (e != null && e.isStructStart()) {
                        parser.skipChildren();
                    }
                    skipToEndOfArray(parser);
                    return Optional.empty();
                }
            }
            return Optional.of(cpus);
        }
        if (t.isStructStart()) {
            parser.skipChildren();
            return Optional.empty();
        }
        for (String part : parser.getText().split(",")) {
            if (!addCpus(cpus, part.strip(), t == JsonToken.VALUE_NUMBER_INT ? t : JsonToken.VALUE_STRING)) {
                return Optional.empty();
            }
        }
        return Optional.of(cpus);
    }

    /** Adds "3" or "0-3" (at most 4096 CPUs). */
    private static boolean addCpus(List<Integer> cpus, String text, JsonToken t) {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_STRING) {
            return false;
        }
        String[] range = text.split("-", -1);
        try {
            int from = Integer.parseInt(range[0].strip());
            int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
            if (range.length > 2 || from < 0 || to < from || to >= 4096) {
                return false;
            }
            for (int c = from; c <= to; c++) {
                cpus.add(c);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A list of lists of whole numbers (numa.distances). */
    private void readMatrix(JsonParser parser, String key, JsonLocation keyAt) throws IOException {
        List<List<Integer>> rows = new ArrayList<>();
        for (JsonToken r = parser.nextToken(); r != JsonToken.END_ARRAY; r = parser.nextToken()) {
            if (r != JsonToken.START_ARRAY) {
                problem(key, keyAt, "must be a list of rows, each a list of numbers");
                if (r != null && r.isStructStart()) {
                    parser.skipChildren();
                }
                skipToEndOfArray(parser);
                return;
            }
            List<Integer> row = new ArrayList<>();
            for (JsonToken e = parser.nextToken(); e != JsonToken.END_ARRAY; e = parser.nextToken()) {
                if (e != JsonToken.VALUE_NUMBER_INT || parser.getBigIntegerValue().bitLength() > 16) {
                    problem(key, keyAt, "must be whole numbers (distances 10 to 255)");
                    if (e != null && e.isStructStart()) {
                        parser.skipChildren();
                    }
                    skipToEndOfArray(parser);
                    skipToEndOfArray(parser);
                    return;
                }
                row.add(parser.getIntValue());
            }
            rows.add(row);
        }
        builder.numaDistances(rows);
    }

    /** Moves past the END_ARRAY of the list the parser is in. */
    private static void skipToEndOfArray(JsonParser parser) throws IOException {
        for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t.isStructStart()) {
                parser.skipChildren();
            }
        }
    }

    private static ConfigKeys.Scalar scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT -> new ConfigKeys.Scalar(parser.getText(), ConfigKeys.Kind.INTEGER);
            case VALUE_NUMBER_FLOAT -> new ConfigKeys.Scalar(parser.getText(), ConfigKeys.Kind.FLOAT);
            case VALUE_TRUE, VALUE_FALSE -> new ConfigKeys.Scalar(String.valueOf(token == JsonToken.VALUE_TRUE), ConfigKeys.Kind.BOOLEAN);
            case VALUE_NULL -> new ConfigKeys.Scalar("", ConfigKeys.Kind.NULL);
            default -> new ConfigKeys.Scalar(parser.getText(), ConfigKeys.Kind.STRING);
        };
    }

    private void set(String key, ConfigKeys.Scalar value, JsonLocation at) {
        ConfigKeys.apply(builder, key, value, partial).ifPresent(why -> problem(key, at, why));
    }

    /**
     * Applies a --set KEY=VALUE override; the value is read as a YAML scalar (so 3 is a number, true a
     * boolean and 2GiB a string), and a problem is reported under "--set".
     */
    public ConfigReader override(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            problems.add(new ConfigException.Problem("--set", "expected KEY=VALUE, not \"" + assignment + "\""));
            return this;
        }
        String key = assignment.substring(0, eq).strip();
        String text = assignment.substring(eq + 1);
        places.remove(key);
        if (ConfigKeys.isList(key)) {
            problems.add(new ConfigException.Problem(key, "is a list; set it in a config file"));
            return this;
        }
        if (!ConfigKeys.takesValue(key)) {
            problems.add(new ConfigException.Problem(key, ConfigKeys.known(key) ? "is a section; set one of its keys" : ConfigKeys.unknown(key)));
            return this;
        }
        ConfigKeys.Scalar value = yamlScalar(text);
        ConfigKeys.apply(builder, key, value, partial).ifPresent(why -> problems.add(new ConfigException.Problem(key, why)));
        return this;
    }

    private static ConfigKeys.Scalar yamlScalar(String text) {
        try (JsonParser p = new YAMLFactory().createParser("v: " + text)) {
            if (p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken t = p.nextToken();
                if (t != null && t.isScalarValue()) {
                    return scalar(p, t);
                }
            }
        } catch (IOException e) {
            // not a plain scalar: take the text as it is
        }
        return new ConfigKeys.Scalar(text, ConfigKeys.Kind.STRING);
    }

    /** The builder to which flags add their settings, after the file's and before {@link #config}. */
    public MachineConfig.Builder builder() {
        return builder;
    }

    /** Where each key was set in the file: line and column. */
    public Map<String, int[]> places() {
        return Map.copyOf(places);
    }

    /** The config read so far, or every problem found. */
    public MachineConfig config() throws ConfigException {
        MachineConfig config = bestEffort();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /** The problems found so far. */
    public List<ConfigException.Problem> problems() {
        bestEffort();
        return List.copyOf(problems);
    }

    /**
     * The config made of every setting that could be read, the bad ones left out: a profile can
     * still check it, so one run reports the problems of both kinds.
     */
    public MachineConfig bestEffort() {
        if (!finished) {
            finished = true;
            ConfigKeys.finish(builder, partial).ifPresent(p -> {
                int[] at = places.getOrDefault(p[0], new int[] {0, 0});
                problems.add(new ConfigException.Problem(p[0], at[0], at[1], p[1]));
            });
        }
        return builder.build();
    }

    private boolean finished;

    private void problem(String key, JsonLocation at, String message) {
        problems.add(new ConfigException.Problem(key, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), message));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Reads {@code text} alone: a shortcut for tests and callers without flags. */
    public static MachineConfig parse(String text, Format format) throws ConfigException {
        return new ConfigReader().read(text, format).config();
    }

}

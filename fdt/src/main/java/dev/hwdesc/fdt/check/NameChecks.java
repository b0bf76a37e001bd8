package dev.hwdesc.fdt.check;

import static dev.hwdesc.fdt.check.CStrings.DIGITS;
import static dev.hwdesc.fdt.check.CStrings.LOWERCASE;
import static dev.hwdesc.fdt.check.CStrings.UPPERCASE;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;
import java.util.function.Predicate;

/** dtc's checks on the characters and shape of node and property names. */
final class NameChecks {

    static final CharClass NODE_CHARS = CharClass.of(LOWERCASE + UPPERCASE + DIGITS + ",._+-@");
    static final CharClass PROPERTY_CHARS = CharClass.of(LOWERCASE + UPPERCASE + DIGITS + ",._+*#?-");
    static final CharClass STRICT_CHARS = CharClass.of(LOWERCASE + UPPERCASE + DIGITS + ",-");

    private static final Predicate<String> BAD_PROPERTY_NAME =
            name -> PROPERTY_CHARS.span(name) < name.length();
    private static final Predicate<String> NON_STRICT_PROPERTY_NAME =
            name -> STRICT_CHARS.span(name) < name.length();

    private NameChecks() {
    }

    static final CheckDefinition NODE_NAME_CHARS = CheckDefinition.error("node_name_chars",
            TreeFacts::withBadNameCharacter, (ctx, n) -> {
                String name = n.node().name();
                int ok = NODE_CHARS.span(name);
                if (ok < name.length()) {
                    ctx.fail(n.node(), "Bad character '" + name.charAt(ok) + "' in node name");
                }
            });

    /** Only the base name (before '@') is held to the strict set. */
    static final CheckDefinition NODE_NAME_CHARS_STRICT = CheckDefinition.off("node_name_chars_strict",
            TreeFacts::withNonStrictNameCharacter, (ctx, n) -> {
                String name = n.node().name();
                int ok = STRICT_CHARS.span(name);
                if (ok < CStrings.baseNameLength(name)) {
                    ctx.fail(n.node(), "Character '" + name.charAt(ok) + "' not recommended in node name");
                }
            });

    static final CheckDefinition NODE_NAME_FORMAT = CheckDefinition.error("node_name_format",
            TreeFacts::withUnitAddress, (ctx, n) -> {
                String name = n.node().name();
                if (name.indexOf('@', name.indexOf('@') + 1) > 0) {
                    ctx.fail(n.node(), "multiple '@' characters in node name");
                }
            }, "node_name_chars");

    static final CheckDefinition NODE_NAME_VS_PROPERTY_NAME = CheckDefinition.warning("node_name_vs_property_name",
            TreeFacts::namedLikeParentProperty, (ctx, n) -> {
                if (n.isRoot()) {
                    return;
                }
                if (n.parentOrThrow().hasProperty(n.node().name())) {
                    ctx.fail(n.node(), "node name and property name conflict");
                }
            }, "node_name_chars");

    static final CheckDefinition PROPERTY_NAME_CHARS = CheckDefinition.error("property_name_chars",
            Candidates.withPropertyNamed(BAD_PROPERTY_NAME), (ctx, n) -> {
                for (Property p : n.node().properties()) {
                    String name = p.name();
                    int ok = PROPERTY_CHARS.span(name);
                    if (ok < name.length()) {
                        ctx.failProperty(n.node(), p, "Bad character '" + name.charAt(ok) + "' in property name");
                    }
                }
            });

    /**
     * The strict set, except that "device_type" is allowed and one '#' may start the name or follow
     * a vendor prefix's comma.
     */
    static final CheckDefinition PROPERTY_NAME_CHARS_STRICT = CheckDefinition.off("property_name_chars_strict",
            Candidates.withPropertyNamed(NON_STRICT_PROPERTY_NAME), (ctx, n) -> {
                Node node = n.node();
                for (Property p : node.properties()) {
                    String name = p.name();
                    int ok = STRICT_CHARS.span(name);
                    if (ok == name.length() || name.equals("device_type")) {
                        continue;
                    }
                    if (name.charAt(ok) == '#' && (ok == 0 || name.charAt(ok - 1) == ',')) {
                        name = name.substring(ok + 1);
                        ok = STRICT_CHARS.span(name);
                    }
                    if (ok < name.length()) {
                        ctx.failProperty(node, p,
                                "Character '" + name.charAt(ok) + "' not recommended in property name");
                    }
                }
            });
}

package dev.hwdesc.fdt.check;

import static dev.hwdesc.fdt.check.CStrings.DIGITS;
import static dev.hwdesc.fdt.check.CStrings.LOWERCASE;

import dev.hwdesc.fdt.Node;
import dev.hwdesc.fdt.Property;

/** dtc's alias_paths: in any node named "aliases", each value is a path to a node and each name is lower case. */
final class AliasChecks {

    private static final CharClass ALIAS_NAME_CHARS = CharClass.of(LOWERCASE + DIGITS + "-");

    private AliasChecks() {
    }

    static final CheckDefinition ALIAS_PATHS = CheckDefinition.warning("alias_paths",
            Candidates.namedExactly("aliases"), (ctx, n) -> {
                Node node = n.node();
                if (!node.name().equals("aliases")) {
                    return;
                }
                for (Property p : node.properties()) {
                    if (p.name().equals("phandle") || p.name().equals("linux,phandle")) {
                        continue;
                    }
                    if (p.value().isEmpty() || ctx.lookup().nodeByPath(ctx.root(), p.value().firstString()).isEmpty()) {
                        ctx.failProperty(node, p,
                                "aliases property is not a valid node (" + CStrings.printed(p.value()) + ")");
                        continue;
                    }
                    if (ALIAS_NAME_CHARS.span(p.name()) != p.name().length()) {
                        ctx.fail(node, "aliases property name must include only lowercase and '-'");
                    }
                }
            });
}

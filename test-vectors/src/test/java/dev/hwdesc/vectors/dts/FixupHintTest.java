package dev.hwdesc.vectors.dts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.dts.DtsCompiler;
import dev.hwdesc.dts.DtsException;
import dev.hwdesc.fdt.check.Checker;
import dev.hwdesc.vectors.TestVectors;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compiler's note that fixups are possible stands in for {@link Checker#mayChangeOutput}'s walk
 * when the CLI decides whether to render while the checks run: it must never be false where the
 * walk says true (the output would be rendered before the checks fix it up).
 */
class FixupHintTest {

    @Test
    void theHintIsTrueWheneverTheWalkIsOverTheCorpusAndOurOwnSources() throws Exception {
        List<Path> sources = new ArrayList<>(TestVectors.files(TestVectors.data().resolve("conformance/corpus"), ".dts"));
        sources.addAll(TestVectors.files(TestVectors.data().resolve("dts"), ".dts"));
        int compiled = 0;
        int withFixups = 0;
        int agreed = 0;
        for (Path p : sources) {
            DtsCompiler.Result r;
            try {
                r = DtsCompiler.compile(p.toString(), new ByteArrayInputStream(new byte[0]), DtsCompiler.Options.DEFAULT);
            } catch (DtsException e) {
                continue; // rejected sources have no tree to render
            }
            compiled++;
            boolean walk = Checker.mayChangeOutput(r.tree());
            assertTrue(r.fixupsPossible() || !walk, p + ": the walk finds a fixup the compiler did not note");
            withFixups += walk ? 1 : 0;
            agreed += walk == r.fixupsPossible() ? 1 : 0;
        }
        assertTrue(compiled > 150, "compiled " + compiled);
        assertTrue(withFixups > 20 && compiled - withFixups > 20, withFixups + " of " + compiled + " with fixups");
        // The hint only errs on the safe side, where a deleted node or property held the reference.
        assertTrue(agreed >= compiled - 10, agreed + " of " + compiled + " agree");
        System.out.printf("fixup hint: %d sources compiled, %d with fixups, %d agree with the walk%n", compiled,
                withFixups, agreed);
    }
}

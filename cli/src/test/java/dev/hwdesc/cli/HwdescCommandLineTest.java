package dev.hwdesc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hwdesc.fdt.PropertyValue;
import dev.hwdesc.fdt.dtb.DtbWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line itself: help, versions, usage errors and exit codes. */
class HwdescCommandLineTest {

    @TempDir
    Path dir;

    private Path blob() throws IOException {
        DtbWriter w = new DtbWriter();
        var root = w.beginNode("");
        w.property("model", PropertyValue.ofStrings("m"));
        w.endNode(root);
        return Files.write(dir.resolve("in.dtb"), w.finish(0));
    }

    @Test
    void helpAndVersion() {
        CliRunner.Run help = CliRunner.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdoutText().contains("dtc") && help.stdoutText().contains("decompile"), help.stdoutText());
        assertEquals(0, CliRunner.run("help", "dtc").exitCode());
        assertTrue(CliRunner.run("help", "decompile").stdoutText().startsWith("Usage: hwdesc decompile"));
        assertTrue(CliRunner.run("dtc", "--help").stdoutText().startsWith("Usage: hwdesc dtc"));
        assertTrue(CliRunner.run("--version").stdoutText().startsWith("hwdesc "));
        assertEquals("Version: DTC 1.6.1", CliRunner.run("dtc", "-v").stdoutText().lines().findFirst().orElse("")
                .replaceAll(" \\(hwdesc .*\\)$", ""));
    }

    @Test
    void noArgumentsShowsTheOverviewAndFails() {
        CliRunner.Run r = CliRunner.run();
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().startsWith("Usage: hwdesc"), r.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "frobnicate                      | unknown command 'frobnicate'",
        "dtc -Z x.dtb                    | Unrecognized option: -Z",
        "dtc -I dtb a.dtb b.dtb          | more than one input file",
        "dtc -p 10 -S 20 -I dtb x.dtb    | can't set both -p and -S",
        "dtc -a 3 -I dtb x.dtb           | invalid argument \"3\" to -a option",
        "dtc -H sometimes -I dtb x.dtb   | invalid argument \"sometimes\" to -H option",
        "dtc -W no-such-check -I dtb x   | Unrecognized check name \"such-check\"",
        "dtc -E bogus -I dtb x           | Unrecognized check name \"bogus\"",
        "dtc -I fs /proc/device-tree     | -I fs",
        "dtc -I yaml x                   | unknown input format \"yaml\"",
        "dtc -I dtb -O asm x.dtb         | -O asm is not supported yet",
        "dtc -I dtb -O yaml x.dtb        | -O yaml is not supported yet",
        "dtc -I dtb -O frob x.dtb        | unknown output format \"frob\"",
        "dtc -I dtb -O dtb -V 5 x.dtb    | unknown device tree blob version 5",
        "dtc -T -I dtb x.dtb             | -T (annotate) is not supported yet",
        "decompile                       | decompile takes one input file",
    })
    void usageErrorsExitTwoWithOneLineAndAHint(String args, String phrase) {
        CliRunner.Run r = CliRunner.run(args.split(" +"));
        assertEquals(2, r.exitCode(), r.stderr());
        String first = r.stderr().lines().findFirst().orElse("");
        assertTrue(first.startsWith("hwdesc: error: ") && first.contains(phrase), "got: " + r.stderr());
        assertTrue(r.stderr().contains("Try 'hwdesc help"), r.stderr());
    }

    @Test
    void compileWritesTheBlobBesideTheSource() throws IOException {
        Path src = Files.writeString(dir.resolve("board.dts"), "/dts-v1/;\n/ { model = \"m\"; };\n");
        CliRunner.Run r = CliRunner.run("compile", src.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        byte[] blob = Files.readAllBytes(dir.resolve("board.dtb"));
        CliRunner.Run back = CliRunner.run("decompile", dir.resolve("board.dtb").toString());
        assertEquals("/dts-v1/;\n\n/ {\n\tmodel = \"m\";\n};\n", back.stdoutText());
        assertTrue(blob.length > 40);
        assertEquals("x.dtb", CompileCommand.defaultOutput("x.dts"));
        assertEquals("a.b/c.dtb", CompileCommand.defaultOutput("a.b/c"));
    }

    @Test
    void sourceErrorsNameFileLineColumnAndQuoteTheLine() throws IOException {
        Path src = Files.writeString(dir.resolve("bad.dts"), "/dts-v1/;\n/ {\n\tp = <(1/0)>;\n\tq = <&nowhere>;\n};\n");
        CliRunner.Run r = CliRunner.run("compile", "-o", dir.resolve("bad.dtb").toString(), src.toString());
        assertEquals(2, r.exitCode());
        assertEquals("hwdesc: " + src + ":3:8: error: Division by zero\n p = <(1/0)>;\n       ^~~\n", r.stderr()
                .lines().limit(3).map(l -> l + "\n").reduce("", String::concat));
        assertTrue(!Files.exists(dir.resolve("bad.dtb")));
    }

    @Test
    void dependencyFileListsEveryFileRead() throws IOException {
        Files.writeString(dir.resolve("inc.dtsi"), "/ { x; };\n");
        Path src = Files.writeString(dir.resolve("main.dts"), "/dts-v1/;\n/ { };\n/include/ \"inc.dtsi\"\n");
        Path dep = dir.resolve("main.d");
        Path out = dir.resolve("main.dtb");
        assertEquals(0, CliRunner.run("dtc", "-I", "dts", "-d", dep.toString(), "-o", out.toString(), src.toString()).exitCode());
        assertEquals(out + ": " + src + " " + dir.resolve("inc.dtsi") + "\n", Files.readString(dep));
    }

    @Test
    void aMissingSourceIsOneLineWithoutPosition() {
        CliRunner.Run r = CliRunner.run("dtc", "-I", "dts", dir.resolve("nope.dts").toString());
        assertEquals(2, r.exitCode());
        assertEquals("hwdesc: " + dir.resolve("nope.dts") + ": error: no such file", r.stderr().strip());
    }

    @Test
    void missingAndDirectoryInputsAreOneLineErrors() {
        CliRunner.Run missing = CliRunner.run("dtc", "-I", "dtb", dir.resolve("nope.dtb").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("hwdesc: " + dir.resolve("nope.dtb") + ": error: no such file", missing.stderr().strip());
        CliRunner.Run directory = CliRunner.run("dtc", "-I", "dtb", dir.toString());
        assertEquals(2, directory.exitCode());
        assertEquals("hwdesc: " + dir + ": error: is a directory", directory.stderr().strip());
    }

    @Test
    void formatsAreGuessedAsDtcGuessesThem() throws IOException {
        Path in = blob();
        // A file starting with the magic is a blob whatever its name; output defaults to DTS.
        Path renamed = Files.copy(in, dir.resolve("blob.txt"));
        CliRunner.Run r = CliRunner.run("dtc", renamed.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdoutText().startsWith("/dts-v1/;"));
        // The output name's extension picks the output format.
        Path out = dir.resolve("out.dtb");
        assertEquals(0, CliRunner.run("dtc", "-o", out.toString(), in.toString()).exitCode());
        assertEquals(Files.size(in), Files.size(out));
    }

    @Test
    void standardInputAndOptionsAfterTheFile() throws IOException {
        byte[] blob = Files.readAllBytes(blob());
        CliRunner.Run r = CliRunner.runWithInput(blob, "dtc", "-I", "dtb", "-", "-O", "dts");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("/dts-v1/;\n\n/ {\n\tmodel = \"m\";\n};\n", r.stdoutText());
    }

    /** A blob has no labels, so dtc's -A and -@ add nothing to it. */
    @Test
    void labelTreesOfABlobAreEmpty() throws IOException {
        CliRunner.Run r = CliRunner.run("dtc", "-A", "-@", "-I", "dtb", "-O", "dts", blob().toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        assertEquals("/dts-v1/;\n\n/ {\n\tmodel = \"m\";\n};\n", r.stdoutText());
    }

    @Test
    void dependencyFileNamesTheOutput() throws IOException {
        Path in = blob();
        Path out = dir.resolve("o.dtb");
        Path dep = dir.resolve("o.d");
        assertEquals(0, CliRunner.run("dtc", "-I", "dtb", "-d", dep.toString(), "-o", out.toString(), in.toString()).exitCode());
        assertEquals(out + ":\n", Files.readString(dep, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aBadBlobIsOneLineWithItsOffsetAndNoTrace() throws IOException {
        Path bad = Files.write(dir.resolve("bad.dtb"), new byte[] {1, 2, 3, 4, 5});
        CliRunner.Run r = CliRunner.run("decompile", bad.toString());
        assertEquals(2, r.exitCode());
        assertEquals("hwdesc: " + bad + ": offset 0x0: error: bad magic 0x01020304 (a DTB starts with 0xd00dfeed)",
                r.stderr().strip());
    }
}

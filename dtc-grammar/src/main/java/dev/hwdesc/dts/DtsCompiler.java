package dev.hwdesc.dts;

import dev.hwdesc.fdt.DeviceTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Compiles DTS source into a {@link DeviceTree} as dtc 1.6.1's parser leaves it: merged, with
 * tombstones, labels, and references as markers to be resolved by the checks. The one entry point of
 * this module; ANTLR types stay inside it.
 */
public final class DtsCompiler {

    /**
     * @param includeDirs dtc's -i directories, tried in order after the including file's directory
     * @param errorLimit how many errors to report at most
     */
    public record Options(List<String> includeDirs, int errorLimit) {
        public static final Options DEFAULT = new Options(List.of(), 20);

        public Options {
            includeDirs = List.copyOf(includeDirs);
        }
    }

    /**
     * The tree and every file read while compiling it (the main file, includes, /incbin/ files), in
     * order. {@code fixupsPossible} is false when dtc's fixup checks cannot change the tree (no
     * reference, no /omit-if-no-ref/, no property called "name"): what {@code Checker.mayChangeOutput}
     * would find, known without walking the tree.
     */
    public record Result(DeviceTree tree, List<String> filesRead, boolean fixupsPossible) {
    }

    private DtsCompiler() {
    }

    /** Compiles the file {@code name} ("-" is standard input, read from {@code stdin}). */
    public static Result compile(String name, InputStream stdin, Options options) throws DtsException {
        Diagnostics errors = new Diagnostics(options.errorLimit());
        List<String> filesRead = new ArrayList<>();
        SourceFile main;
        try {
            main = name.equals("-")
                    ? new SourceFile("<stdin>", Optional.empty(), new String(stdin.readAllBytes(), StandardCharsets.ISO_8859_1))
                    : read(name);
        } catch (NoSuchFileException e) {
            errors.error(name, "no such file");
            throw new DtsException(errors.all());
        } catch (IOException e) {
            errors.error(name, "cannot read: " + e.getMessage());
            throw new DtsException(errors.all());
        }
        filesRead.add(main.name());
        FileAccess files = new FileAccess(options.includeDirs(), errors, filesRead);
        TreeBuilder builder = new TreeBuilder(errors, files::incbin);
        try {
            parse(main, files, builder, errors);
        } catch (CompileError e) {
            errors.error(e.token(), e.getMessage());
        }
        if (errors.any()) {
            throw new DtsException(errors.all());
        }
        return new Result(builder.tree(), List.copyOf(filesRead), builder.fixupsPossible());
    }

    /**
     * Parses with a token stream that keeps only what prediction needs and no parse tree, so memory
     * stays at the size of the tree being built, however large the source.
     */
    private static void parse(SourceFile main, FileAccess files, TreeBuilder builder, Diagnostics errors) {
        // Lexing runs on a second thread for sources large enough to be worth it.
        if (main.text().length() < PREFETCH_THRESHOLD) {
            DtsTokenSource tokens = new DtsTokenSource(main, files);
            parseTokens(tokens, tokens::lastToken, main, builder, errors);
            return;
        }
        try (PrefetchingTokenSource tokens = new PrefetchingTokenSource(p -> {
            files.lexOn(p);
            return new DtsTokenSource(main, files);
        })) {
            parseTokens(tokens, tokens::lastToken, main, builder, errors);
        }
    }

    /** Sources smaller than this are lexed on the parser's thread. */
    private static final int PREFETCH_THRESHOLD = 256 * 1024;

    private static void parseTokens(TokenSource tokens, java.util.function.Supplier<Token> lastToken, SourceFile main,
            TreeBuilder builder, Diagnostics errors) {
        DtsParser parser = new DtsParser(new TokenWindow(tokens));
        parser.setBuildParseTree(false);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new FirstSyntaxError());
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                    RecognitionException e) {
                Token t = offending instanceof DtsToken ? (Token) offending : lastToken.get();
                if (t instanceof DtsToken d) {
                    errors.error(d, msg);
                } else {
                    errors.error(main.name(), msg);
                }
                builder.stop();
            }
        });
        parser.addParseListener(builder); // makes ANTLR raise rule events at all
        parser.setListener(builder); // which then go straight to it
        try {
            parser.sourceFile();
        } catch (FirstSyntaxError.Stop stop) {
            // reported already; dtc stops at its first syntax error too
        }
    }

    static SourceFile read(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(name));
        return new SourceFile(name, SourceFile.directoryOf(name), new String(bytes, StandardCharsets.ISO_8859_1));
    }
}

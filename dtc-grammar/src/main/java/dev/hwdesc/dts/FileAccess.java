package dev.hwdesc.dts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and reads the files a source names, as dtc's srcfile_relative_open does: a name is tried in
 * the including file's directory (or as given, when that file's name has no directory), then in each
 * -i directory in order; an absolute name only as given.
 */
final class FileAccess implements DtsTokenSource.Files {

    private final List<String> includeDirs;
    private final Diagnostics errors;
    private final List<String> filesRead;
    /** When lexing runs on its own thread, what the lexer causes is replayed on the parser's. */
    private PrefetchingTokenSource prefetch;

    FileAccess(List<String> includeDirs, Diagnostics errors, List<String> filesRead) {
        this.includeDirs = includeDirs;
        this.errors = errors;
        this.filesRead = filesRead;
    }

    /** Lexer-side effects (a lexical error, an include opened) go through {@code p} from now on. */
    void lexOn(PrefetchingTokenSource p) {
        this.prefetch = p;
    }

    private void lexerSide(Runnable effect) {
        if (prefetch != null) {
            prefetch.later(effect::run);
        } else {
            effect.run();
        }
    }

    /** The full names a file is looked for under, in order. */
    private List<String> candidates(String name, Optional<String> directory) {
        List<String> out = new ArrayList<>();
        out.add(join(directory.orElse(null), name));
        for (String dir : includeDirs) {
            out.add(join(dir, name));
        }
        return out;
    }

    /** dtc's try_open naming: the name alone when there is no directory or it is absolute. */
    private static String join(String dir, String name) {
        if (dir == null || name.startsWith("/")) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    private Optional<String> find(String name, Optional<String> directory) {
        for (String c : candidates(name, directory)) {
            if (Files.isRegularFile(Path.of(c)) && Files.isReadable(Path.of(c))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public SourceFile open(String name, SourceFile including, DtsToken at) {
        String found = find(name, including.directory())
                .orElseThrow(() -> new CompileError(at, "Couldn't open \"" + name + "\": No such file or directory"));
        try {
            SourceFile f = DtsCompiler.read(found);
            lexerSide(() -> filesRead.add(found));
            return f;
        } catch (IOException e) {
            throw new CompileError(at, "Couldn't open \"" + name + "\": " + e.getMessage());
        }
    }

    @Override
    public void lexicalError(DtsToken at, String message) {
        lexerSide(() -> errors.error(at, message));
    }

    /** /incbin/: up to {@code length} bytes (all when -1) from {@code offset} of the file. */
    byte[] incbin(String name, long offset, long length, DtsToken at) {
        String found = find(name, at.physicalFile().directory())
                .orElseThrow(() -> new CompileError(at, "Couldn't open \"" + name + "\": No such file or directory"));
        filesRead.add(found);
        try (InputStream in = Files.newInputStream(Path.of(found))) {
            long size = Files.size(Path.of(found));
            if (offset < 0) {
                // fseek takes a signed offset: one above 2^63 is negative, and fseek refuses it
                throw new CompileError(at, "Couldn't seek to offset " + Long.toUnsignedString(offset) + " in \"" + name
                        + "\": Invalid argument");
            }
            // Seeking past the end is allowed; reading there gives nothing.
            long skip = Math.min(offset, size);
            in.skipNBytes(skip);
            long available = size - skip;
            long want = length == -1 ? available : Math.min(Long.compareUnsigned(length, available) > 0 ? available : length, available);
            if (want > Integer.MAX_VALUE - 8) {
                throw new CompileError(at, "/incbin/ of " + want + " bytes from \"" + name + "\" is larger than 2 GiB");
            }
            return in.readNBytes((int) want);
        } catch (IOException e) {
            throw new CompileError(at, "Couldn't read \"" + name + "\": " + e.getMessage());
        }
    }

}

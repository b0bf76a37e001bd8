package dev.hwdesc.cli;

/** The process entry point of the {@code hwdesc} jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Hwdesc.run(args));
    }
}

package dev.hwdesc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** hwdesc's version, from the build. */
final class Version {

    private Version() {
    }

    static String hwdesc() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** The dtc release whose behaviour {@code hwdesc dtc} reproduces. */
    static final String DTC_COMPATIBLE = "1.6.1";
}

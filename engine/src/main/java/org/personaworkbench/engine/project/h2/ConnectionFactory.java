package org.personaworkbench.engine.project.h2;

import org.personaworkbench.engine.common.EngineException;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens JDBC connections to one project file. Owns the H2 URL conventions (file lock, encryption,
 * no trace files) and a private copy of the password, so that every part of the project connects the
 * same way; it doubles as the {@link DataSource} Flyway migrates through.
 */
final class ConnectionFactory implements DataSource {

    /** The database user every project is created with. */
    static final String USER = "PWB";

    static {
        disableValueCache();
    }

    private final String url;
    private final char[] filePassword;
    private final boolean encrypted;

    private ConnectionFactory(String url, char[] filePassword, boolean encrypted) {
        this.url = url;
        this.filePassword = filePassword;
        this.encrypted = encrypted;
    }

    /**
     * Connections to the project at {@code file} (ending in {@code .mv.db}); {@code password} null or
     * empty means a plain file. {@code mustExist} stops H2 from creating a missing database.
     */
    static ConnectionFactory forFile(Path file, char[] password, boolean mustExist) {
        String base = baseName(file);
        if (base.indexOf(';') >= 0) {
            throw new EngineException("The project path " + file + " contains ';', which Persona Workbench "
                    + "cannot use in a project file name. Rename the file or folder and try again.");
        }
        boolean encrypted = password != null && password.length > 0;
        StringBuilder url = new StringBuilder("jdbc:h2:file:").append(base)
                .append(";FILE_LOCK=FS;TRACE_LEVEL_FILE=0;PAGE_SIZE=16384");
        if (mustExist) {
            url.append(";IFEXISTS=TRUE");
        }
        if (encrypted) {
            url.append(";CIPHER=AES");
        }
        return new ConnectionFactory(url.toString(), encrypted ? filePasswordOf(password) : new char[0], encrypted);
    }

    /**
     * Turns off H2's shared value cache (documented system property {@code h2.objectCache}, read once when
     * H2's {@code SysProperties} class loads, so it has to be set before the first connection; an explicit
     * {@code -Dh2.objectCache=...} wins). With the cache on, every string an import binds goes through two
     * hash-and-compare cache probes ({@code Value.cache}, {@code StringUtils.cache}) that almost never hit
     * for free-text columns: 10–15 % of the inserter thread's samples in a JFR profile of a 1M-row, 8-column
     * import; off, the inserter needed ~0.25 s less CPU per million rows (bench box, JDK 25, H2 2.4.240).
     * The cache only de-duplicates equal values in memory; results are unchanged.
     */
    private static void disableValueCache() {
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    /** The file path without {@code .mv.db}, as H2 wants it in a URL. */
    static String baseName(Path file) {
        String absolute = file.toAbsolutePath().normalize().toString();
        return absolute.endsWith(".mv.db") ? absolute.substring(0, absolute.length() - ".mv.db".length()) : absolute;
    }

    /**
     * H2 splits "file password, space, user password" at the first space, so a password with spaces
     * would be cut. The file password is therefore the hex of the password's UTF-8 bytes: lossless,
     * space-free. To open an encrypted project with H2's own tools, use that hex text as file password.
     */
    private static char[] filePasswordOf(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        char[] hex = new char[buffer.remaining() * 2];
        String digits = "0123456789abcdef";
        for (int i = 0; buffer.hasRemaining(); i += 2) {
            int b = buffer.get() & 0xff;
            hex[i] = digits.charAt(b >>> 4);
            hex[i + 1] = digits.charAt(b & 0x0f);
        }
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return hex;
    }

    boolean encrypted() {
        return encrypted;
    }

    String url() {
        return url;
    }

    /** A new connection in auto-commit mode. */
    Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.put("user", USER);
        // H2 accepts the password as char[] and may clear the array it is given: pass a fresh copy.
        char[] password;
        if (encrypted) {
            password = Arrays.copyOf(filePassword, filePassword.length + 1);
            password[filePassword.length] = ' ';
        } else {
            password = new char[0];
        }
        properties.put("password", password);
        return DriverManager.getConnection(url, properties);
    }

    /** Forgets the password; later {@link #open()} calls fail. */
    void clear() {
        Arrays.fill(filePassword, '\0');
    }

    @Override
    public Connection getConnection() throws SQLException {
        return open();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return open();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used: embedded connections do not wait
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}

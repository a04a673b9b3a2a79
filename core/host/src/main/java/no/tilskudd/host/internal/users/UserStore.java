package no.tilskudd.host.internal.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import no.tilskudd.api.host.Role;
import no.tilskudd.api.host.User;

/**
 * The console's users as earlier versions kept them, in {@code data/users.json} with salted PBKDF2-HMAC-SHA256 hashes;
 * the host now keeps them in the store ({@link StoredUsers}) and reads such a file only to move it there
 * ({@link UsersFileMigration}), with the same hashes and stamps as here. The file is re-read
 * when it changes, so that {@code tilskudd users ...} in another process takes effect in a running host at its next
 * request: a change is seen by modification time, size and file identity (every write renames a new file into place,
 * so even a rewrite of the same size within the file system's time resolution is noticed).
 */
public final class UserStore {

    /** The file in the data folder. */
    public static final String FILE = "users.json";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 210_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private Map<String, Stored> users = Map.of();
    private FileTime loadedTime;
    private long loadedSize = -1;
    private Object loadedKey;

    /**
     * A user as stored: never the password, only its hash; a reporter with the codes of its org units, in code order.
     */
    public record Stored(String name, Role role, byte[] salt, byte[] hash, int iterations, String created,
            List<String> orgUnits, Optional<String> provider) {

        /** Copies the org units. */
        public Stored {
            orgUnits = List.copyOf(orgUnits);
            Objects.requireNonNull(provider, "provider");
        }

        /** A local user, who signs in with a password. */
        public Stored(String name, Role role, byte[] salt, byte[] hash, int iterations, String created,
                List<String> orgUnits) {
            this(name, role, salt, hash, iterations, created, orgUnits, Optional.empty());
        }

        /** A user without org units, as {@code users.json} kept them. */
        public Stored(String name, Role role, byte[] salt, byte[] hash, int iterations, String created) {
            this(name, role, salt, hash, iterations, created, List.of());
        }

        /** @return the user as others may see it */
        public User view() {
            return new User(name, role, created, stamp(), orgUnits, provider);
        }

        /**
         * What a session remembers of the user it was signed in as: a digest of the name, role, org units and
         * password hash. A new password (a new salt and hash), another role or other org units give another stamp, so
         * that the sessions signed in before end, whichever process or host made the change.
         *
         * @return the credential stamp
         */
        public String stamp() {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                d.update((name + "\n" + role.id() + "\n" + iterations + "\n").getBytes(StandardCharsets.UTF_8));
                d.update(salt);
                d.update(hash);
                // Only when there are any, so that the stamps of analysts and administrators stay as they were and
                // an upgrade ends nobody's session.
                if (!orgUnits.isEmpty()) {
                    d.update(("\n" + String.join(",", orgUnits)).getBytes(StandardCharsets.UTF_8));
                }
                return Base64.getEncoder().encodeToString(d.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The outcome of creating the file on first start. */
    public record Created(String name, String password) {
    }

    /**
     * The file of a data folder, for moving its users into the store (and for tests, which write such files).
     *
     * @param dataDir the host's data folder
     */
    public UserStore(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    /** @return the users in the file, in its order */
    public List<User> list() {
        return current().values().stream().map(Stored::view).toList();
    }

    /**
     * @param name a user name
     * @return the user, if in the file now
     */
    public Optional<User> find(String name) {
        return stored(name).map(Stored::view);
    }

    /** @return the users file */
    public Path file() {
        return file;
    }

    /**
     * On the first start (no file, or no administrator in it, e.g. after {@code users add} of an analyst only),
     * adds an administrator with a generated password, which the caller prints once. There is never a built-in
     * default password.
     *
     * @return the created administrator, or empty when there already is one
     * @throws IOException when the file cannot be written
     */
    public synchronized Optional<Created> createIfMissing() throws IOException {
        Map<String, Stored> all = new LinkedHashMap<>(current());
        if (all.values().stream().anyMatch(u -> u.role() == Role.ADMIN)) {
            return Optional.empty();
        }
        String name = "admin";
        for (int i = 2; all.containsKey(name); i++) {
            name = "admin" + i;
        }
        String password = generatePassword();
        all.put(name, newUser(name, Role.ADMIN, password));
        try {
            write(all, !Files.exists(file));
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        }
        return Optional.of(new Created(name, password));
    }

    /**
     * Checks a name and password.
     *
     * @param name     the user name
     * @param password the password
     * @return the user, if the password is right
     */
    public Optional<User> authenticate(String name, String password) {
        Stored u = current().get(name);
        if (u == null) {
            // Spend the same time as for a real user, so that timing does not tell which names exist.
            hash(password.toCharArray(), new byte[SALT_BYTES], ITERATIONS);
            return Optional.empty();
        }
        byte[] candidate = hash(password.toCharArray(), u.salt(), u.iterations());
        return MessageDigest.isEqual(candidate, u.hash()) ? Optional.of(u.view()) : Optional.empty();
    }

    /**
     * @param name a user name
     * @return the user as stored, if present now
     */
    public Optional<Stored> stored(String name) {
        return Optional.ofNullable(current().get(name));
    }

    /**
     * Adds a user with a generated password.
     *
     * @param name the name (letters, digits, dot, dash, underscore)
     * @param role the role
     * @return the generated password, to be shown once
     * @throws IOException when the file cannot be written
     */
    public synchronized String add(String name, Role role) throws IOException {
        checkName(name);
        Map<String, Stored> all = new LinkedHashMap<>(current());
        if (all.containsKey(name)) {
            throw new IllegalArgumentException("user '" + name + "' already exists");
        }
        String password = generatePassword();
        all.put(name, newUser(name, role, password));
        write(all, false);
        return password;
    }

    /**
     * Gives a user a new generated password.
     *
     * @param name the user
     * @return the new password
     * @throws IOException when the file cannot be written
     */
    public synchronized String resetPassword(String name) throws IOException {
        Map<String, Stored> all = new LinkedHashMap<>(current());
        Stored u = all.get(name);
        if (u == null) {
            throw new IllegalArgumentException("no user '" + name + "'");
        }
        String password = generatePassword();
        all.put(name, newUser(name, u.role(), password));
        write(all, false);
        return password;
    }

    /**
     * Gives a user another role; the last administrator cannot be made an analyst.
     *
     * @param name the user
     * @param role the new role
     * @throws IOException when the file cannot be written
     */
    public synchronized void setRole(String name, Role role) throws IOException {
        Map<String, Stored> all = new LinkedHashMap<>(current());
        Stored u = all.get(name);
        if (u == null) {
            throw new IllegalArgumentException("no user '" + name + "'");
        }
        if (u.role() == Role.ADMIN && role != Role.ADMIN
                && all.values().stream().filter(x -> x.role() == Role.ADMIN).count() == 1) {
            throw new IllegalArgumentException("'" + name + "' is the last administrator");
        }
        all.put(name, new Stored(name, role, u.salt(), u.hash(), u.iterations(), u.created()));
        write(all, false);
    }

    /**
     * Removes a user; the last administrator cannot be removed.
     *
     * @param name the user
     * @throws IOException when the file cannot be written
     */
    public synchronized void remove(String name) throws IOException {
        Map<String, Stored> all = new LinkedHashMap<>(current());
        Stored u = all.remove(name);
        if (u == null) {
            throw new IllegalArgumentException("no user '" + name + "'");
        }
        if (u.role() == Role.ADMIN && all.values().stream().noneMatch(x -> x.role() == Role.ADMIN)) {
            throw new IllegalArgumentException("'" + name + "' is the last administrator");
        }
        write(all, false);
    }

    static void checkName(String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a user name is 1-64 letters, digits, '.', '-' or '_'");
        }
    }

    static Stored newUser(String name, Role role, String password) {
        return newUser(name, role, List.of(), password);
    }

    static Stored newUser(String name, Role role, List<String> orgUnits, String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Stored(name, role, salt, hash(password.toCharArray(), salt, ITERATIONS), ITERATIONS,
                Instant.now().toString(), orgUnits);
    }

    /** @return a random password of 20 URL-safe characters (120 bits) */
    static String generatePassword() {
        byte[] b = new byte[15];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static byte[] hash(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The users as the file says now; a file changed by another process is read again. */
    private synchronized Map<String, Stored> current() {
        try {
            if (!Files.exists(file)) {
                users = Map.of();
                loadedSize = -1;
                loadedKey = null;
                return users;
            }
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.lastModifiedTime().equals(loadedTime) || a.size() != loadedSize
                    || !Objects.equals(a.fileKey(), loadedKey)) {
                users = read();
                loadedTime = a.lastModifiedTime();
                loadedSize = a.size();
                loadedKey = a.fileKey();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return users;
    }

    private Map<String, Stored> read() throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        Map<String, Stored> out = new LinkedHashMap<>();
        Base64.Decoder b64 = Base64.getDecoder();
        for (JsonNode n : root.path("users")) {
            String name = n.path("name").asText();
            int iterations = n.path("iterations").asInt(0);
            if (name.isEmpty() || iterations < 1) {
                throw new IOException(file + ": every user needs a name and iterations");
            }
            out.put(name, new Stored(name, Role.parse(n.path("role").asText()), b64.decode(n.path("salt").asText()),
                    b64.decode(n.path("hash").asText()), iterations, n.path("created").asText("")));
        }
        return out;
    }

    private void write(Map<String, Stored> all, boolean createNew) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("algorithm", ALGORITHM);
        ArrayNode list = root.putArray("users");
        Base64.Encoder b64 = Base64.getEncoder();
        for (Stored u : all.values()) {
            ObjectNode n = list.addObject();
            n.put("name", u.name());
            n.put("role", u.role().id());
            n.put("iterations", u.iterations());
            n.put("salt", b64.encodeToString(u.salt()));
            n.put("hash", b64.encodeToString(u.hash()));
            n.put("created", u.created());
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + FILE, ".tmp");
        try {
            restrict(tmp);
            JSON.writeValue(tmp.toFile(), root);
            if (createNew) {
                // Two hosts starting at once must not both create an administrator.
                Files.createLink(file, tmp);
            } else {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (UnsupportedOperationException e) {
            if (createNew && Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        users = Map.copyOf(all);
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        loadedTime = a.lastModifiedTime();
        loadedSize = a.size();
        loadedKey = a.fileKey();
    }

    private static void restrict(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the data folder's own permissions apply.
        }
    }
}

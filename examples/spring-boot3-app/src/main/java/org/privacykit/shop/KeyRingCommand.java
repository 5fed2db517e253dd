package org.privacykit.shop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.privacykit.crypto.KeyEncryptionKey;
import org.privacykit.crypto.KeyRing;

/**
 * Key-ring set-up and rotation without starting the shop, reading the same settings the shop reads:
 * the ring file from {@code SHOP_KEY_RING} (default {@code data/keys.pkkr}) and its passphrase from
 * {@code SHOP_KEYRING_PASSPHRASE}.
 *
 * <ul>
 *   <li>{@code create-key-ring}: makes the ring file once (refuses to overwrite one);</li>
 *   <li>{@code rotate-key-ring}: adds a new primary key to the file. Running shops pick it up
 *       within {@code privacykit.key-ring.refresh-interval}; rows keep loading under the old key
 *       until re-encrypted ({@code POST /actuator/privacykitkeys {"action":"rotate"}} rotates and
 *       re-encrypts in one step).</li>
 * </ul>
 */
final class KeyRingCommand {
    private static final String CREATE = "create-key-ring";
    private static final String ROTATE = "rotate-key-ring";
    private static final String DEFAULT_RING = "data/keys.pkkr";

    private KeyRingCommand() {
    }

    static boolean isCommand(String argument) {
        return CREATE.equals(argument) || ROTATE.equals(argument);
    }

    static void run(String command, String[] args) throws Exception {
        if (args.length > 0) {
            throw new IllegalArgumentException(command + " takes no arguments: it reads SHOP_KEY_RING and SHOP_KEYRING_PASSPHRASE");
        }
        String file = System.getenv("SHOP_KEY_RING");
        Path ring = Path.of(file == null || file.isBlank() ? DEFAULT_RING : file);
        String passphrase = System.getenv("SHOP_KEYRING_PASSPHRASE");
        if (passphrase == null || passphrase.isEmpty()) {
            throw new IllegalStateException("set SHOP_KEYRING_PASSPHRASE to the key ring's passphrase");
        }
        char[] secret = passphrase.toCharArray();
        try {
            KeyEncryptionKey kek = KeyEncryptionKey.passphrase(secret);
            if (CREATE.equals(command)) {
                if (ring.getParent() != null) {
                    Files.createDirectories(ring.getParent());
                }
                KeyRing.create(ring, kek);
                System.out.println("created key ring " + ring.toAbsolutePath());
            } else {
                KeyRing keys = KeyRing.open(ring, kek);
                keys.rotate();
                System.out.println("rotated key ring " + ring.toAbsolutePath() + ": " + keys.keys().size() + " keys");
            }
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}

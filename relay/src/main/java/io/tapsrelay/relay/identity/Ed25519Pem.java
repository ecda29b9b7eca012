package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Ed25519 private keys as PEM text: PKCS#8 {@code PRIVATE KEY} (RFC 8410), the form
 * {@code openssl genpkey -algorithm ed25519} writes and the JDK's {@code KeyFactory} reads.
 */
final class Ed25519Pem {
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final Map<ASN1ObjectIdentifier, String> KNOWN_ALGORITHMS = Map.of(
            PKCSObjectIdentifiers.rsaEncryption, "RSA",
            X9ObjectIdentifiers.id_ecPublicKey, "EC",
            EdECObjectIdentifiers.id_Ed448, "Ed448",
            EdECObjectIdentifiers.id_X25519, "X25519",
            EdECObjectIdentifiers.id_X448, "X448");

    private Ed25519Pem() {}

    /** The key as a PKCS#8 v1 PEM block (no embedded public key, like OpenSSL writes). */
    static String write(Ed25519Keys.KeyPair keyPair) {
        try {
            // RFC 8410: the privateKey OCTET STRING wraps a CurvePrivateKey, itself an OCTET STRING.
            PrivateKeyInfo info = new PrivateKeyInfo(
                    new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new DEROctetString(keyPair.secretKey()));
            StringWriter text = new StringWriter();
            try (PemWriter pem = new PemWriter(text)) {
                pem.writeObject(new PemObject(PRIVATE_KEY, info.getEncoded(ASN1Encoding.DER)));
            }
            return text.toString();
        } catch (IOException e) {
            throw new IllegalStateException("encoding an Ed25519 key in memory cannot fail", e);
        }
    }

    /**
     * The key pair in the first PEM block of {@code pemText}.
     *
     * @throws IllegalArgumentException naming what the text holds instead, when it is not a PKCS#8
     *     Ed25519 private key
     */
    static Ed25519Keys.KeyPair read(String pemText) {
        Object block;
        try (PEMParser parser = new PEMParser(new StringReader(pemText))) {
            block = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable PEM private key: " + e.getMessage(), e);
        }
        if (block == null) {
            throw new IllegalArgumentException("no PEM block found; expected -----BEGIN PRIVATE KEY-----");
        }
        if (block instanceof PEMKeyPair pair) {
            throw new IllegalArgumentException("not an Ed25519 key: a traditional "
                    + algorithmName(pair.getPrivateKeyInfo().getPrivateKeyAlgorithm().getAlgorithm())
                    + " private key; expected a PKCS#8 Ed25519 PRIVATE KEY");
        }
        if (!(block instanceof PrivateKeyInfo info)) {
            throw new IllegalArgumentException("not an Ed25519 private key: the PEM block holds a "
                    + block.getClass().getSimpleName() + "; expected an unencrypted PKCS#8 PRIVATE KEY");
        }
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        if (!EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
            throw new IllegalArgumentException("not an Ed25519 key: PKCS#8 algorithm " + algorithmName(algorithm)
                    + "; expected Ed25519 (" + EdECObjectIdentifiers.id_Ed25519.getId() + ")");
        }
        Ed25519Keys.KeyPair keyPair = Ed25519Keys.fromSecret(seed(info));
        if (info.hasPublicKey()) {
            byte[] embedded = info.getPublicKeyData().getOctets();
            if (!Arrays.equals(embedded, keyPair.publicKey())) {
                throw new IllegalArgumentException(
                        "Ed25519 PRIVATE KEY is inconsistent: its embedded public key does not belong to its secret");
            }
        }
        return keyPair;
    }

    private static byte[] seed(PrivateKeyInfo info) {
        ASN1Encodable inner;
        try {
            inner = info.parsePrivateKey();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Ed25519 PRIVATE KEY has a malformed key field: " + e.getMessage(), e);
        }
        if (!(inner instanceof ASN1OctetString octets) || octets.getOctets().length != Ed25519Keys.SECRET_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "Ed25519 PRIVATE KEY must hold an OCTET STRING of " + Ed25519Keys.SECRET_KEY_LENGTH + " bytes");
        }
        return octets.getOctets();
    }

    private static String algorithmName(ASN1ObjectIdentifier oid) {
        String name = KNOWN_ALGORITHMS.get(oid);
        return name == null ? oid.getId() : name + " (" + oid.getId() + ")";
    }
}

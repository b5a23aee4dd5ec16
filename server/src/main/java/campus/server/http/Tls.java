package campus.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The server's TLS identity: a PEM certificate chain and its private key (as Let's Encrypt, openssl and most
 * CAs hand them out) or a PKCS#12 / JKS key store. Every mistake is found here, at start, with a message that
 * names the file, rather than at the first handshake.
 */
public final class Tls {

    private Tls() {
    }

    public static SslContextFactory.Server fromPem(Path certFile, Path keyFile) throws IOException {
        Certificate[] chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!matches(key, (X509Certificate) chain[0])) {
            throw new IOException("the key in " + keyFile + " does not belong to the certificate in " + certFile);
        }
        try {
            byte[] seed = new byte[12];
            new SecureRandom().nextBytes(seed);
            char[] password = Base64.getEncoder().encodeToString(seed).toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("campus", key, password, chain);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(store);
            ssl.setKeyStorePassword(new String(password));
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException("could not use the key in " + keyFile + ": " + e.getMessage(), e);
        }
    }

    public static SslContextFactory.Server fromKeyStore(Path file, String password) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read the key store " + file);
        }
        try {
            KeyStore store = KeyStore.getInstance(file.toFile(), password == null ? new char[0] : password.toCharArray());
            if (!store.aliases().hasMoreElements()) {
                throw new IOException("the key store " + file + " is empty");
            }
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(store);
            ssl.setKeyStorePassword(password == null ? "" : password);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open the key store " + file + " (wrong password or format?): " + e.getMessage(), e);
        }
    }

    private static Certificate[] certificates(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read the certificate " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IOException("no certificate in " + file);
            }
            return certs.toArray(new Certificate[0]);
        } catch (GeneralSecurityException e) {
            throw new IOException("the certificate " + file + " is not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read the private key " + file);
        }
        Object pem;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(r)) {
            pem = parser.readObject();
        } catch (IOException e) {
            throw new IOException("the private key " + file + " is not a PEM key: " + e.getMessage(), e);
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        if (pem instanceof PEMKeyPair) {
            return converter.getPrivateKey(((PEMKeyPair) pem).getPrivateKeyInfo());
        }
        if (pem instanceof PrivateKeyInfo) {
            return converter.getPrivateKey((PrivateKeyInfo) pem);
        }
        if (pem == null) {
            throw new IOException("no private key in " + file);
        }
        throw new IOException("the private key " + file + " is encrypted or of an unknown kind; give an unencrypted PEM key"
                + " (openssl pkey -in KEY -out plain.pem)");
    }

    private static boolean matches(PrivateKey key, X509Certificate cert) {
        try {
            String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA"
                    : "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : key.getAlgorithm();
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature check = Signature.getInstance(algorithm);
            check.initVerify(cert.getPublicKey());
            check.update(probe);
            return check.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

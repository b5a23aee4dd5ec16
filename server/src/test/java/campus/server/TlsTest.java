package campus.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import campus.progress.sync.protocol.Protocol;
import campus.server.testing.TestClient;
import campus.server.testing.TestDatabase;
import campus.server.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a certificate made in the test: PEM files or a PKCS#12 key store, and the mistakes people make. */
class TlsTest {

    @TempDir
    Path dir;

    @Test
    void theServerSpeaksHttpsWithAPemCertificateAndKey() throws Exception {
        Identity id = Identity.create("RSA");
        Path cert = write("cert.pem", "CERTIFICATE", id.cert.getEncoded());
        Path key = write("key.pem", "PRIVATE KEY", id.keys.getPrivate().getEncoded());
        try (TestDatabase db = TestDatabase.create("h2"); TestServer s = TestServer.start(db, c -> {
            c.tlsCert = cert;
            c.tlsKey = key;
        })) {
            assertTrue(s.url().startsWith("https://127.0.0.1:"), s.url());
            TestClient trusting = new TestClient(s.url(), id.trustingContext());
            assertEquals(200, trusting.get(Protocol.HEALTH, null).status());
            assertEquals("admin", trusting.login("admin", TestServer.oneTimePassword(s.server().adminPasswordFile())).account().user());
            // A client that does not trust the certificate does not talk to it; plain HTTP gets no answer.
            assertThrows(SSLHandshakeException.class, () -> new TestClient(s.url()).get(Protocol.HEALTH, null));
            assertThrows(IOException.class, () -> new TestClient(s.url().replace("https", "http")).get(Protocol.HEALTH, null));
        }
    }

    @Test
    void anEcKeyInAPkcs12KeyStoreWorksToo() throws Exception {
        Identity id = Identity.create("EC");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", id.keys.getPrivate(), "store pass".toCharArray(), new X509Certificate[] {id.cert});
        Path file = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "store pass".toCharArray());
        }
        try (TestDatabase db = TestDatabase.create("h2"); TestServer s = TestServer.start(db, c -> {
            c.tlsKeyStore = file;
            c.tlsKeyStorePassword = "store pass";
        })) {
            assertEquals(200, new TestClient(s.url(), id.trustingContext()).get(Protocol.HEALTH, null).status());
        }
    }

    @Test
    void aKeyOfAnotherCertificateOrAWrongPasswordIsRefusedAtStart() throws Exception {
        Identity one = Identity.create("RSA");
        Identity two = Identity.create("RSA");
        Path cert = write("cert.pem", "CERTIFICATE", one.cert.getEncoded());
        Path key = write("other-key.pem", "PRIVATE KEY", two.keys.getPrivate().getEncoded());
        try (TestDatabase db = TestDatabase.create("h2")) {
            IOException e = assertThrows(IOException.class, () -> TestServer.start(db, c -> {
                c.tlsCert = cert;
                c.tlsKey = key;
            }));
            assertEquals("the key in " + key + " does not belong to the certificate in " + cert, e.getMessage());
            IOException missing = assertThrows(IOException.class, () -> TestServer.start(db, c -> {
                c.tlsCert = dir.resolve("nope.pem");
                c.tlsKey = key;
            }));
            assertEquals("cannot read the certificate " + dir.resolve("nope.pem"), missing.getMessage());
        }
    }

    private Path write(String name, String type, byte[] der) throws IOException {
        Path p = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.US_ASCII)) {
            w.write("-----BEGIN " + type + "-----\n");
            w.write(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der));
            w.write("\n-----END " + type + "-----\n");
        }
        return p;
    }

    /** A self-signed certificate for localhost and 127.0.0.1. */
    record Identity(KeyPair keys, X509Certificate cert) {

        static Identity create(String algorithm) throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            g.initialize(algorithm.equals("EC") ? 256 : 2048);
            KeyPair keys = g.generateKeyPair();
            X500Name name = new X500Name("CN=localhost");
            long now = System.currentTimeMillis();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now), new Date(now - 60_000),
                    new Date(now + 86_400_000L), name, keys.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            String sig = algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(sig).build(keys.getPrivate())));
            return new Identity(keys, cert);
        }

        SSLContext trustingContext() throws Exception {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        }
    }
}

package campus.labs.sandbox;

import org.h2.api.JavaObjectSerializer;
import org.h2.util.JdbcUtils;

/**
 * The Java object serializer of every sandbox database: it never turns bytes into a Java object, nor an object into
 * bytes. A learner can make a {@code JAVA_OBJECT}/{@code OTHER} value of any bytes ({@code CAST(X'…' AS OTHER)});
 * H2's default would deserialize them whenever the value is read as an object, and a crafted payload then runs code
 * paths of the class library (a DNS lookup, an endless loop). With this serializer H2 reports an error instead, and
 * the result reader asks for such a column's bytes, never its object.
 *
 * <p>A database keeps the serializer it was opened with, but H2 cannot reopen a file database that stores one (it
 * writes the class name back unquoted), so the dataset cache's file copies cannot carry it: {@link #everywhere()} makes
 * it H2's default for every database of this JVM that names none. Campus has no use for Java objects in any of its
 * databases (progress store, server), so the default costs nothing.
 */
public final class NoJavaObjects implements JavaObjectSerializer {

    /** Makes this serializer H2's default for the JVM; the classes that open sandbox databases call it first. */
    static synchronized void everywhere() {
        if (!(JdbcUtils.serializer instanceof NoJavaObjects)) {
            JdbcUtils.serializer = new NoJavaObjects();
        }
    }

    @Override
    public byte[] serialize(Object obj) throws Exception {
        throw new java.io.NotSerializableException("Java objects are not available in Campus labs");
    }

    @Override
    public Object deserialize(byte[] bytesToDeserialize) throws Exception {
        throw new java.io.InvalidObjectException("Java objects are not available in Campus labs");
    }
}

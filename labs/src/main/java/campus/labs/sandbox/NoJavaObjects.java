package campus.labs.sandbox;

import org.h2.api.JavaObjectSerializer;

/**
 * The Java object serializer of every sandbox database: it never turns bytes into a Java object, nor an object into
 * bytes. A learner can make a {@code JAVA_OBJECT}/{@code OTHER} value of any bytes ({@code CAST(X'…' AS OTHER)});
 * H2's default would deserialize them whenever the value is read as an object, and a crafted payload then runs code
 * paths of the class library (a DNS lookup, an endless loop). With this serializer H2 reports an error instead, and
 * the result reader asks for such a column's bytes, never its object.
 */
public final class NoJavaObjects implements JavaObjectSerializer {

    @Override
    public byte[] serialize(Object obj) throws Exception {
        throw new java.io.NotSerializableException("Java objects are not available in Campus labs");
    }

    @Override
    public Object deserialize(byte[] bytesToDeserialize) throws Exception {
        throw new java.io.InvalidObjectException("Java objects are not available in Campus labs");
    }
}

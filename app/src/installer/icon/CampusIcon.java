import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the Campus icon: a database (three stacked discs) under a graduation cap, on a rounded
 * teal square. Writes campus.png (256 px, Linux), campus.ico (16 to 256 px, Windows) and campus.icns
 * (128 to 512 px, macOS) into the given folder. The written files are committed; run this again after
 * changing the drawing:
 *
 *   java -Djava.awt.headless=true app/src/installer/icon/CampusIcon.java app/src/installer/icon
 */
public final class CampusIcon {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.write(out.resolve("campus.png"), png(draw(256)));
        Files.write(out.resolve("campus.ico"), ico(16, 32, 48, 64, 128, 256));
        Files.write(out.resolve("campus.icns"), icns());
    }

    /** The drawing on a 100 × 100 grid, scaled to size × size. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 100.0, size / 100.0);

        // Background: a rounded square, teal to deep blue.
        g.setPaint(new GradientPaint(0, 0, new Color(0x12, 0x9a, 0x8f), 0, 100, new Color(0x1f, 0x4e, 0x8c)));
        g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 22, 22));

        // The database: three discs of a cylinder, white, with the teal showing between them.
        Color white = new Color(0xf7, 0xfb, 0xfc);
        Color rim = new Color(0xc9, 0xe4, 0xe8);
        double x = 27;
        double w = 46;
        double eh = 12;
        for (int i = 2; i >= 0; i--) {
            double top = 42 + i * 14;
            g.setColor(white);
            g.fill(new Rectangle2D.Double(x, top + eh / 2, w, 9));
            g.fill(new Ellipse2D.Double(x, top + 9, w, eh));
            g.setColor(rim);
            g.fill(new Ellipse2D.Double(x, top, w, eh));
            g.setColor(white);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(new Ellipse2D.Double(x, top, w, eh));
        }

        // The cap: a diamond board above the discs, its crown, and a tassel.
        Color cap = new Color(0x17, 0x24, 0x3a);
        Path2D crown = new Path2D.Double();
        crown.moveTo(36, 26);
        crown.lineTo(36, 36);
        crown.quadTo(50, 43, 64, 36);
        crown.lineTo(64, 26);
        crown.closePath();
        g.setColor(cap);
        g.fill(crown);
        Path2D board = new Path2D.Double();
        board.moveTo(50, 10);
        board.lineTo(82, 23);
        board.lineTo(50, 36);
        board.lineTo(18, 23);
        board.closePath();
        g.fill(board);
        g.setColor(new Color(0xf2, 0xb8, 0x3a));
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D cord = new Path2D.Double();
        cord.moveTo(50, 23);
        cord.lineTo(76, 26);
        cord.lineTo(76, 40);
        g.draw(cord);
        g.fill(new Ellipse2D.Double(73, 39, 6, 8));
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    /** An ICO file whose images are PNGs (Windows Vista and later read these). */
    static byte[] ico(int... sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(draw(sizes[i]));
        }
        int offset = 6 + 16 * sizes.length;
        int total = offset;
        for (byte[] im : images) {
            total += im.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            int s = sizes[i] >= 256 ? 0 : sizes[i];   // 0 means 256
            buf.put((byte) s).put((byte) s).put((byte) 0).put((byte) 0);
            buf.putShort((short) 1).putShort((short) 32);
            buf.putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        for (byte[] im : images) {
            buf.put(im);
        }
        return buf.array();
    }

    /** An ICNS file with PNG entries: ic07 (128), ic08 (256), ic09 (512). */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09"};
        int[] sizes = {128, 256, 512};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < types.length; i++) {
            byte[] im = png(draw(sizes[i]));
            body.write(types[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body.write(ByteBuffer.allocate(4).putInt(8 + im.length).array());
            body.write(im);
        }
        ByteBuffer head = ByteBuffer.allocate(8);
        head.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + body.size());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(head.array());
        body.writeTo(all);
        return all.toByteArray();
    }
}

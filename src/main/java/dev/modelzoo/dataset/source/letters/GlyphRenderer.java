package dev.modelzoo.dataset.source.letters;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Draws one character of a font, white on black and anti-aliased, centred on a square canvas (Java2D, headless). */
final class GlyphRenderer {

    /** Large enough that a 30 px glyph rotated, sheared and scaled by 1.2 stays inside. */
    static final int CANVAS = 64;

    private GlyphRenderer() {
    }

    static Raster render(Font font, String text, float size) {
        BufferedImage image = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, CANVAS, CANVAS);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            Font sized = font.deriveFont(Font.PLAIN, size);
            FontRenderContext context = g.getFontRenderContext();
            GlyphVector glyphs = sized.createGlyphVector(context, text);
            Rectangle2D bounds = glyphs.getVisualBounds();
            g.setColor(Color.WHITE);
            g.drawGlyphVector(glyphs, (float) ((CANVAS - bounds.getWidth()) / 2 - bounds.getX()),
                    (float) ((CANVAS - bounds.getHeight()) / 2 - bounds.getY()));
        } finally {
            g.dispose();
        }
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (pixels[i] & 0xff) / 255f;
        }
        return new Raster(CANVAS, CANVAS, values);
    }
}

package dev.modelzoo.dataset.source.letters;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fonts the letters corpus may be drawn from: every .ttf/.otf file under a directory (in path order), minus
 * symbol, dingbat and math fonts and Noto fonts of non-Latin scripts (by name), files Java2D cannot load, fonts
 * missing a needed letter (not displayable, blank, or drawn as the .notdef box), and duplicates (the same
 * drawings of a probe text as an earlier font).
 */
public final class FontCatalog {

    /** Why a candidate was dropped. */
    public enum Drop {
        /** Symbol, dingbat, emoji or math font by its file name. */
        SYMBOL_BY_NAME,
        /** A Noto font for a script other than Latin. */
        NON_LATIN_NOTO,
        /** Java2D could not load the file. */
        UNREADABLE,
        /** A needed letter is missing, blank or drawn as .notdef. */
        MISSING_GLYPH,
        /** Draws the probe text exactly like a font kept earlier. */
        DUPLICATE
    }

    /** A usable font: its file relative to the catalog's directory, the file's sha256, the loaded font. */
    public record UsableFont(String file, String sha256, Font font) {
    }

    /** The kept fonts and the number dropped for each reason. */
    public record Selection(List<UsableFont> fonts, Map<Drop, Integer> dropped, int candidates) {

        /** SHA-256 over the kept fonts' {@code sha256  file} lines, in order: the corpus's font list digest. */
        public String digest() {
            StringBuilder lines = new StringBuilder();
            fonts.forEach(font -> lines.append(font.sha256()).append("  ").append(font.file()).append('\n'));
            return sha256(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static final Pattern SYMBOL = Pattern.compile(
            ".*(symbol|dingbat|emoji|math|ornament|icons?\\b|braille|d050000l|opensymbol|musical).*");
    private static final Pattern LATIN_NOTO = Pattern.compile("noto(sans|serif)(display|mono)?-.*");
    private static final String PROBE = "AaGgQqRe";
    private static final float PROBE_SIZE = 28f;
    /** Private-use and last code points: fonts draw their .notdef box for them. */
    private static final String[] NOTDEF_PROBES = {"\uE000", new String(Character.toChars(0x10FFFD))};
    /** Below this much ink (in pixels of full white) a glyph counts as blank. */
    private static final double BLANK_INK = 3.0;

    private FontCatalog() {
    }

    public static Selection select(Path directory) throws IOException {
        List<Path> candidates;
        try (Stream<Path> files = Files.walk(directory)) {
            candidates = files.filter(Files::isRegularFile).filter(FontCatalog::isFontFile)
                    .sorted().toList();
        }
        Map<Drop, Integer> dropped = new EnumMap<>(Drop.class);
        List<UsableFont> kept = new ArrayList<>();
        Set<String> drawings = new HashSet<>();
        for (Path file : candidates) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            Drop drop = null;
            Font font = null;
            if (SYMBOL.matcher(name).matches()) {
                drop = Drop.SYMBOL_BY_NAME;
            } else if (name.startsWith("noto") && !LATIN_NOTO.matcher(name).matches()) {
                drop = Drop.NON_LATIN_NOTO;
            } else {
                font = load(file);
                if (font == null) {
                    drop = Drop.UNREADABLE;
                } else if (!drawsEveryLetter(font)) {
                    drop = Drop.MISSING_GLYPH;
                } else if (!drawings.add(drawingHash(font))) {
                    drop = Drop.DUPLICATE;
                }
            }
            if (drop != null) {
                dropped.merge(drop, 1, Integer::sum);
            } else {
                kept.add(new UsableFont(directory.relativize(file).toString(), sha256(Files.readAllBytes(file)),
                        font));
            }
        }
        return new Selection(List.copyOf(kept), dropped, candidates.size());
    }

    private static boolean isFontFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ttf") || name.endsWith(".otf");
    }

    private static Font load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException | RuntimeException e) {
            return null;
        }
    }

    static boolean drawsEveryLetter(Font font) {
        List<float[]> notdef = new ArrayList<>();
        for (String probe : NOTDEF_PROBES) {
            notdef.add(GlyphRenderer.render(font, probe, PROBE_SIZE).values);
        }
        for (char c : LetterClasses.allCharacters().toCharArray()) {
            if (!font.canDisplay(c)) {
                return false;
            }
            Raster glyph = GlyphRenderer.render(font, String.valueOf(c), PROBE_SIZE);
            if (glyph.ink() < BLANK_INK) {
                return false;
            }
            for (float[] box : notdef) {
                if (java.util.Arrays.equals(box, glyph.values)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String drawingHash(Font font) {
        ByteBuffer bytes = ByteBuffer.allocate(PROBE.length() * GlyphRenderer.CANVAS * GlyphRenderer.CANVAS);
        for (char c : PROBE.toCharArray()) {
            for (float v : GlyphRenderer.render(font, String.valueOf(c), PROBE_SIZE).values) {
                bytes.put((byte) Math.round(v * 255));
            }
        }
        return sha256(bytes.array());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

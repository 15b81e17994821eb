package org.tuanjie.tasks.bulletin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jboss.logging.Logger;
import org.tuanjie.tasks.config.TasksConfig;

/**
 * The font PDF bulletins are set in. A TrueType font with Chinese glyphs is embedded (as a subset of the characters
 * used): the one {@code tasks.bulletins.pdf-font} names, else the first found of the CJK fonts Debian packages install
 * (fonts-wqy-zenhei, fonts-wqy-microhei, fonts-arphic-uming, fonts-droid-fallback). A machine with none still gets
 * readable PDFs: they name the standard Chinese font STSong-Light without embedding it, which every PDF reader used
 * in China substitutes (Adobe's Asian font pack, WPS, Foxit, the browsers' viewers), and the text stays searchable.
 */
@ApplicationScoped
public class PdfFonts {

    private static final Logger LOG = Logger.getLogger(PdfFonts.class);

    static final List<Path> DEBIAN_CJK_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    @Inject
    TasksConfig config;

    final AtomicReference<Optional<Path>> chosen = new AtomicReference<>();

    /** The font file to embed, or empty for the non-embedded standard font; decided once and logged. */
    Optional<Path> file() {
        Optional<Path> file = chosen.get();
        if (file == null) {
            file = config.bulletinsPdfFont().or(() -> DEBIAN_CJK_FONTS.stream().filter(Files::isReadable).findFirst());
            if (file.isPresent() && !Files.isReadable(file.get())) {
                throw new IllegalStateException("tasks.bulletins.pdf-font names " + file.get() + ", which cannot be read");
            }
            LOG.infof("PDF bulletins are set in %s", file.map(Path::toString)
                    .orElse("STSong-Light, not embedded (no CJK TrueType font found: install fonts-wqy-zenhei or set "
                            + "tasks.bulletins.pdf-font)"));
            chosen.compareAndSet(null, file);
        }
        return chosen.get();
    }

    /** The font loaded into one document; closed with it. */
    Loaded load(PDDocument document) throws IOException {
        Optional<Path> file = file();
        if (file.isEmpty()) {
            return new Loaded(standard(), null, cp -> cp <= 0xFFFF);
        }
        TrueTypeCollection collection = null;
        TrueTypeFont ttf;
        if (file.get().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            collection = new TrueTypeCollection(file.get().toFile());
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            collection.processAllFonts(f -> first.compareAndSet(null, f));
            ttf = first.get();
        } else {
            ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.get().toFile()));
        }
        try {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            return new Loaded(PDType0Font.load(document, ttf, true), collection == null ? ttf : collection,
                    cp -> cmap.getGlyphId(cp) != 0);
        } catch (IOException | RuntimeException e) {
            (collection == null ? ttf : collection).close();
            throw e;
        }
    }

    /**
     * The font, what must be closed after the document is saved, and which characters it can show (others print as
     * "?" rather than failing the document).
     */
    record Loaded(PDFont font, AutoCloseable source, IntPredicate shows) implements AutoCloseable {

        /** The full-width blank of 〔　　〕　号, where the office writes the year and number: kept, not collapsed. */
        static final int IDEOGRAPHIC_SPACE = 0x3000;

        String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n' || cp == ' ' || cp == IDEOGRAPHIC_SPACE && shows.test(cp)) {
                    out.appendCodePoint(cp);
                } else if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                    out.append(' ');
                } else {
                    out.appendCodePoint(shows.test(cp) ? cp : '?');
                }
            });
            return out.toString();
        }

        /** Width in thousandths of the font size. */
        float width(String text) {
            try {
                return font.getStringWidth(text.replace("\n", ""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (source != null) {
                try {
                    source.close();
                } catch (Exception e) {
                    LOG.debug("closing the font file", e);
                }
            }
        }
    }

    /**
     * STSong-Light (Adobe-GB1), not embedded, addressed in UCS-2 through the predefined UniGB-UCS2-H CMap: Chinese
     * characters a full em wide, others half.
     */
    private static PDFont standard() throws IOException {
        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "GB1");
        systemInfo.setInt(COSName.SUPPLEMENT, 2);
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "STSong-Light");
        descriptor.setInt(COSName.FLAGS, 6);
        descriptor.setItem(COSName.FONT_BBOX, array(-25, -254, 1000, 880));
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);
        COSDictionary descendant = new COSDictionary();
        descendant.setItem(COSName.TYPE, COSName.FONT);
        descendant.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        descendant.setName(COSName.BASE_FONT, "STSong-Light");
        descendant.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        descendant.setItem(COSName.FONT_DESC, descriptor);
        descendant.setInt(COSName.DW, 1000);
        // CIDs 1–95 are Adobe-GB1's proportional Latin: half an em
        descendant.setItem(COSName.W, array(1, 95, 500, 814, 939, 500));
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
        font.setName(COSName.ENCODING, "UniGB-UCS2-H");
        COSArray descendants = new COSArray();
        descendants.add(descendant);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        return new Ucs2Font(font);
    }

    private static COSArray array(int... values) {
        COSArray array = new COSArray();
        for (int value : values) {
            array.add(COSInteger.get(value));
        }
        return array;
    }

    /** A composite font over a predefined UCS-2 CMap: a character's code is its UTF-16 unit. */
    private static final class Ucs2Font extends PDType0Font {

        Ucs2Font(COSDictionary font) throws IOException {
            super(font);
        }

        @Override
        protected byte[] encode(int unicode) {
            return new byte[] {(byte) (unicode >> 8), (byte) unicode};
        }
    }
}

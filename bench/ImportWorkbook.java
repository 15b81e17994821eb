import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A unit import workbook of a given size, to post to units-service (POST /units/import) running in a small heap: the
 * first sheet holds the units under a county, as a clerk's Excel keeps them (codes typed as numbers); the second a
 * table of random Chinese text, which the import never reads, until the file reaches the size asked for.
 *
 * <pre>
 * ./mvnw -q -o -pl platform-sheets org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
 *     -Dmdep.outputFile=/tmp/poi.cp -Dmdep.includeScope=runtime
 * java -cp "$(cat /tmp/poi.cp)" bench/ImportWorkbook.java /tmp/units.xlsx 513330000000 20000 19.5
 * </pre>
 *
 * The units are townships 200 … of the county (the demo county's are 100 … 109), each with up to 199 villages: with
 * 513330000000 and 20,000 rows, 513330200000 … 513330299000 and their villages 513330200001 … 513330299199. The county
 * must exist and lie in the caller's jurisdiction (the demo's office-admin). units-service takes a body of at most
 * 20 MiB (platform.http.max-body-size): ask for less, or the answer is 413.
 */
public final class ImportWorkbook {

    private static final int VILLAGES_PER_TOWNSHIP = 199;
    private static final int CELLS_PER_NOTE = 6;

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ImportWorkbook <out.xlsx> <county code, e.g. 513330000000> <rows> <target MiB>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        String county = args[1];
        int rows = Integer.parseInt(args[2]);
        long target = (long) (Double.parseDouble(args[3]) * 1024 * 1024);
        if (!county.matches("\\d{4}[0-9]{2}0{6}") || county.startsWith("00", 4)) {
            throw new IllegalArgumentException(county + " is not a county's division code (like 513330000000)");
        }
        int townships = (rows + VILLAGES_PER_TOWNSHIP) / (VILLAGES_PER_TOWNSHIP + 1);
        if (townships > 800) {
            throw new IllegalArgumentException("at most 160,000 rows: townships 200 … 999");
        }

        // the notes' size per row, measured: two small workbooks tell the units' part and a note row's bytes
        write(out, county, rows, 10_000);
        long small = Files.size(out);
        write(out, county, rows, 20_000);
        long perNote = Math.max(1, (Files.size(out) - small) / 10_000);
        long units = small - 10_000 * perNote;
        int notes = (int) Math.max(0, (target - units) / perNote);
        write(out, county, rows, notes);
        System.out.printf("%s: %,d units under %s, %,d rows of notes, %,d bytes (%.2f MiB)%n", out, rows, county, notes,
                Files.size(out), Files.size(out) / 1024.0 / 1024.0);
    }

    private static void write(Path file, String county, int rows, int notes) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            workbook.setCompressTempFiles(true);
            Sheet units = workbook.createSheet("单位");
            String[] header = {"单位代码", "单位名称", "上级单位代码", "单位类型"};
            Row head = units.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            String prefix = county.substring(0, 6);
            int r = 1;
            for (int township = 200; r <= rows; township++) {
                String townshipCode = prefix + township + "000";
                unit(units.createRow(r++), townshipCode, "第" + township + "乡", county, "乡镇");
                for (int village = 1; village <= VILLAGES_PER_TOWNSHIP && r <= rows; village++) {
                    unit(units.createRow(r++), prefix + township + String.format("%03d", village),
                            "第" + township + "乡第" + village + "村", townshipCode, "村");
                }
            }
            Sheet notesSheet = workbook.createSheet("备注");
            SplittableRandom random = new SplittableRandom(7);
            for (int n = 0; n < notes; n++) {
                Row row = notesSheet.createRow(n);
                for (int c = 0; c < CELLS_PER_NOTE; c++) {
                    StringBuilder text = new StringBuilder(10);
                    random.ints(10, 0x4E00, 0x9FA5).forEach(text::appendCodePoint);
                    row.createCell(c).setCellValue(text.toString());
                }
            }
            workbook.write(out);
        }
    }

    private static void unit(Row row, String code, String name, String parent, String kind) {
        row.createCell(0).setCellValue(Double.parseDouble(code));
        row.createCell(1).setCellValue(name);
        row.createCell(2).setCellValue(Double.parseDouble(parent));
        row.createCell(3).setCellValue(kind);
    }
}

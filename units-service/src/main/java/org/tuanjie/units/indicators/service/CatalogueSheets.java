package org.tuanjie.units.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A catalogue's indicators as the sheet they circulate as, named for its owner, year and edition. */
@ApplicationScoped
public class CatalogueSheets {

    @Inject
    CatalogueService catalogues;

    /** The bytes, and the Content-Disposition that names the download. */
    public record Sheet(byte[] content, String disposition) {
    }

    public Sheet xlsx(UUID id) {
        CatalogueService.CatalogueRead read = catalogues.get(id);
        return new Sheet(IndicatorSheet.xlsx(read.catalogue().year() + "年测评指标", read.indicators()), disposition(read, "xlsx"));
    }

    public Sheet csv(UUID id) {
        CatalogueService.CatalogueRead read = catalogues.get(id);
        return new Sheet(IndicatorSheet.csv(read.indicators()), disposition(read, "csv"));
    }

    /** An ASCII name for old clients, and the Chinese one (RFC 6266) for the rest: 德格县_2026年测评指标_第1版.xlsx. */
    private static String disposition(CatalogueService.CatalogueRead read, String extension) {
        String ascii = "indicators-" + read.owner().code() + "-" + read.catalogue().year() + "-e" + read.catalogue().edition()
                + "." + extension;
        String name = read.owner().nameZh() + "_" + read.catalogue().year() + "年测评指标_第" + read.catalogue().edition() + "版"
                + (read.catalogue().state() == org.tuanjie.units.indicators.CatalogueState.DRAFT ? "（草稿）" : "") + "." + extension;
        return org.tuanjie.platform.web.Attachment.disposition(ascii, name);
    }
}

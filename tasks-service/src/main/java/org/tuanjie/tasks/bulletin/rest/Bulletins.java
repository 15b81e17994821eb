package org.tuanjie.tasks.bulletin.rest;

/** What both bulletins' endpoints say alike. */
final class Bulletins {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String TITLE = "The bulletin's title (default: 关于<inspection>情况的通报, or <unit>…整改进展通报)";
    static final String REFERENCE = "The document number (文号), e.g. 县民创办通〔2026〕3号; without it, a blank for the office to fill";
    static final int TITLE_MAX = 200;
    static final int REFERENCE_MAX = 60;

    private Bulletins() {
    }
}

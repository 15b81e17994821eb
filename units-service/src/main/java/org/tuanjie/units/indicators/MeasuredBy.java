package org.tuanjie.units.indicators;

/** How an indicator is scored: from what the suite holds (evidence on file, tasks verified), or by a reviewer's hand. */
public enum MeasuredBy {
    /** 系统计量: the evidence the indicator expects, counted from the unit's dossier */
    SUITE,
    /** 评审打分: a reviewer's score; the evidence on file is shown beside it */
    REVIEWER
}

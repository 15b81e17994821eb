package org.tuanjie.tasks.inspection;

/**
 * The nine kinds of problem the county reports found (DOMAIN.md), each with the word ledgers write for it and the
 * heading a bulletin gives its problems (the report's own wording).
 */
public enum Category {
    LEADERSHIP("领导重视", "领导重视不够，思想认识不足"),
    PUBLICITY("宣传", "宣传力度不够"),
    PROGRESS("创建进度", "创建进度缓慢"),
    GUARANTEES("基本保障", "基本保障不到位"),
    CAPACITY("创建水平", "创建水平不高"),
    HIGHLIGHTS("亮点特色", "亮点特色不突出"),
    COORDINATION("部门联动", "创建部门联动不足"),
    ATMOSPHERE("氛围营造", "创建氛围营造不够"),
    BALANCE("推进均衡", "创建推进不均衡");

    /** How many there are: the most a filter can name (a unit test keeps it true). */
    public static final int COUNT = 9;

    private final String ledgerWord;
    private final String problemHeading;

    Category(String ledgerWord, String problemHeading) {
        this.ledgerWord = ledgerWord;
        this.problemHeading = problemHeading;
    }

    /** As county ledgers name the category (问题类别). */
    public String ledgerWord() {
        return ledgerWord;
    }

    /** The heading of its problems in an inspection bulletin (督查通报). */
    public String problemHeading() {
        return problemHeading;
    }
}

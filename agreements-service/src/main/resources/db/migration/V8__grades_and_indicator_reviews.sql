-- Graded results (等次: 优秀, 良好, 合格, 不合格): a template's thresholds, and the grade an assessment gave.
-- Null: the template sets none, and the assessment says pass or fail only (as before grades existed).
alter table agreement_template add column grade_excellent integer;
alter table agreement_template add column grade_good integer;
alter table agreement_template add constraint template_grades_together
    check ((grade_excellent is null) = (grade_good is null));
alter table assessment add column grade varchar(10);

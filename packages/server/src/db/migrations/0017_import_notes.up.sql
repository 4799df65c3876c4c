-- Rows an import passed over without an error, each with why (a subtotal or total row: 小计,
-- 合计, 总计): the first ones listed, all of them counted, like the errors beside them.
ALTER TABLE import_job ADD COLUMN notes jsonb NOT NULL DEFAULT '[]';
ALTER TABLE import_job ADD COLUMN note_count integer NOT NULL DEFAULT 0;

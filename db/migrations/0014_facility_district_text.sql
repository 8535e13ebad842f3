-- The district is now a row (0013_districts); the text it was copied from goes.
ALTER TABLE "facilities" DROP COLUMN "district";
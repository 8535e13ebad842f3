-- No two live appointments of one clinician may overlap, whatever their lengths (a 15-minute
-- and a 20-minute slot can collide). A unique index on the start time cannot see that; an
-- exclusion constraint over the time range can, and it decides races inside PostgreSQL.
-- btree_gist lets the clinician's uuid (an equality) share the GiST index with the range.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("clinician_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" <> 'cancelled');--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_ends_after_start" CHECK ("ends_at" > "starts_at");

CREATE INDEX "appointments_no_show_idx" ON "appointments" USING btree ("starts_at") WHERE status = 'no_show';--> statement-breakpoint
CREATE INDEX "consultations_checked_in_idx" ON "consultations" USING btree ("checked_in_at");--> statement-breakpoint
CREATE INDEX "referrals_referred_at_idx" ON "referrals" USING btree ("referred_at");
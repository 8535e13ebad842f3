import { sql } from "drizzle-orm";
import { check, index, jsonb, pgEnum, pgSequence, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { complaintCategories, complaintEventKinds, complaintStatuses } from "../enums";
import { facilities, users } from "./identity";
import { encounters } from "./records";

export const complaintCategory = pgEnum("complaint_category", complaintCategories);
export const complaintStatus = pgEnum("complaint_status", complaintStatuses);
export const complaintEventKind = pgEnum("complaint_event_kind", complaintEventKinds);

/** Serial numbers of complaints; the tracking number is built from one (lib/complaints/tracking-number.ts). */
export const complaintSerial = pgSequence("complaint_serial", { startWith: 1 });

/**
 * A complaint from the public about a facility: its tracking number (with a check digit), the
 * complainant's verified phone, what it is about, and where it stands. `dueAt` is when the
 * current level's SLA runs out; past it, a durable job escalates it a level.
 */
export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trackingNumber: text("tracking_number").notNull().unique(),
    category: complaintCategory("category").notNull(),
    facilityId: uuid("facility_id")
      .notNull()
      .references(() => facilities.id),
    // One of the complainant's own visits, when they were signed in and chose one.
    encounterId: uuid("encounter_id").references(() => encounters.id),
    description: text("description").notNull(),
    // The language the complaint was written in, and its texts are sent in.
    locale: text("locale").notNull(),
    // E.164, proven by an SMS code (or the signed-in account's own number).
    phone: text("phone").notNull(),
    accountId: uuid("account_id").references(() => users.id),
    status: complaintStatus("status").notNull().default("received"),
    assignedTo: uuid("assigned_to").references(() => users.id),
    // 0: the district office; 1: escalated to the province; 2: escalated past the province's SLA.
    escalationLevel: smallint("escalation_level").notNull().default(0),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    filedAt: timestamp("filed_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolution: text("resolution"),
  },
  (t) => [
    index("complaints_facility_idx").on(t.facilityId, t.filedAt),
    index("complaints_open_idx").on(t.status, t.dueAt),
    index("complaints_phone_idx").on(t.phone, t.filedAt),
    check("complaints_locale", sql`${t.locale} in ('ur', 'en')`),
    check("complaints_resolved", sql`(${t.status} = 'resolved') = (${t.resolvedAt} is not null and ${t.resolution} is not null)`),
  ],
);

/** What happened to a complaint, in order: its history for the officer and the complainant. */
export const complaintEvents = pgTable(
  "complaint_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    kind: complaintEventKind("kind").notNull(),
    // Null for the complainant filing it and for the escalation job.
    actorId: uuid("actor_id").references(() => users.id),
    note: text("note"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("complaint_events_complaint_idx").on(t.complaintId, t.at)],
);

export type Complaint = typeof complaints.$inferSelect;
export type ComplaintEvent = typeof complaintEvents.$inferSelect;

"use client";

import dynamic from "next/dynamic";

// The clinician's forms beside the call, each loaded as a chunk of its own when it is drawn.
// Imported plainly by the page's server components, every client component of the page lands
// in the one script that every visitor downloads: a patient's phone paid ~45 kB gzip (the forms
// and the zod they validate with) for screens only the clinician sees, and the call page went
// over its 300 kB budget (e2e/call-weight.spec.ts). A boundary on the client side is what splits.
export const AllergyPanel = dynamic(() => import("./allergy-panel").then((m) => m.AllergyPanel));
export const DiagnosisPanel = dynamic(() => import("./diagnosis-panel").then((m) => m.DiagnosisPanel));
export const LabPanel = dynamic(() => import("./lab-panel").then((m) => m.LabPanel));
export const ProblemPanel = dynamic(() => import("./problem-panel").then((m) => m.ProblemPanel));
export const ReferralPanel = dynamic(() => import("./referral-panel").then((m) => m.ReferralPanel));
export const VitalsPanel = dynamic(() => import("./vitals-panel").then((m) => m.VitalsPanel));
export const PrescriptionForm = dynamic(() => import("./prescription-form").then((m) => m.PrescriptionForm));
export const EnrolForm = dynamic(() => import("./programmes-forms").then((m) => m.EnrolForm));
export const PreventiveForm = dynamic(() => import("./programmes-forms").then((m) => m.PreventiveForm));
export const QuestionnaireForm = dynamic(() => import("./programmes-forms").then((m) => m.QuestionnaireForm));
export const QueueControls = dynamic(() => import("./queue-controls").then((m) => m.QueueControls));
export const SoapNoteForm = dynamic(() => import("./soap-note-form").then((m) => m.SoapNoteForm));

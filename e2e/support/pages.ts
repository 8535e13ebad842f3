import { expect, type Page } from "@playwright/test";

/** Selectors for the patient's pages, by role and label, in one place. */
export class PatientPages {
  constructor(readonly page: Page) {}

  async requestCode(phone: string) {
    await this.page.goto("/sign-in");
    await this.page.getByLabel("Mobile number").fill(phone);
    await this.page.getByRole("button", { name: "Send code" }).click();
    await expect(this.page.getByLabel("6-digit code")).toBeVisible();
  }

  async enterCode(code: string) {
    await this.page.getByLabel("6-digit code").fill(code);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  async signIn(phone: { local: string; e164: string }) {
    await this.requestCode(phone.local);
    await this.enterCode(await codeFromOutbox(this.page, phone.e164));
  }

  async register(name: string, dateOfBirth: string) {
    await expect(this.page.getByRole("heading", { name: "Register" })).toBeVisible();
    await this.page.getByLabel("Full name").fill(name);
    await this.page.getByRole("radio", { name: "Female" }).check();
    await this.page.getByLabel("Date of birth").fill(dateOfBirth);
    await this.page.getByRole("button", { name: "Get my MR ID" }).click();
    await expect(this.page.getByTestId("mr-id")).toBeVisible();
    return (await this.page.getByTestId("mr-id").textContent())!.trim();
  }

  /** Books the first free slot; `forWhom` picks a family member under "For whom?" first. */
  async bookFirstSlotWith(doctorName: string, forWhom?: string) {
    await this.page.getByRole("link", { name: "Book a doctor" }).click();
    await this.page.getByRole("link", { name: new RegExp(doctorName) }).click();
    if (forWhom) await this.forWhomOption(forWhom).check();
    await this.page.getByRole("button", { name: /^Book / }).first().click();
    await expect(this.page.getByText("Your appointment is booked.")).toBeVisible();
  }

  /** A household member's radio on the booking page, labelled "Name (Relation)". */
  forWhomOption(name: string) {
    return this.page.getByRole("group", { name: "For whom?" }).getByRole("radio", { name: new RegExp(`^${escapeRegExp(name)} \\(`) });
  }

  async openHome() {
    await this.page.goto("/appointments");
    await expect(this.page.getByRole("heading", { name: "My appointments" })).toBeVisible();
  }

  async openFamily() {
    await this.page.getByRole("link", { name: "My family" }).click();
    await expect(this.page.getByRole("heading", { name: "My family", level: 1 })).toBeVisible();
  }

  /** The row of one household member on the family page. */
  familyMember(name: string) {
    return this.page.getByRole("region", { name: "On this phone" }).getByRole("listitem").filter({ hasText: name });
  }

  /** Adds a family member on the family page and returns the MR ID they were given. */
  async addFamilyMember(member: { name: string; relation: string; sex: "Female" | "Male" | "Other"; dateOfBirth: string }) {
    const form = this.page.getByRole("region", { name: "Add a family member" });
    await form.getByLabel("Full name").fill(member.name);
    await form.getByRole("group", { name: "Relation to you" }).getByRole("radio", { name: member.relation, exact: true }).check();
    await form.getByRole("group", { name: "Sex" }).getByRole("radio", { name: member.sex, exact: true }).check();
    await form.getByLabel("Date of birth").fill(member.dateOfBirth);
    await form.getByRole("button", { name: "Add to my family" }).click();
    await expect(form.getByRole("status")).toHaveText("Added. Their MR ID is in the list above.");
    const row = this.familyMember(member.name);
    await expect(row).toContainText(/\d{4}-\d{4}-\d{2}/);
    return (await row.textContent())!.match(/\d{4}-\d{4}-\d{2}/)![0];
  }

  async checkIn(): Promise<string> {
    await this.page.getByRole("button", { name: "Check in" }).click();
    await this.page.waitForURL(/\/waiting\//);
    return this.page.url().split("/waiting/")[1]!;
  }
}

/** Selectors for the clinician's pages. */
export class ClinicianPages {
  constructor(readonly page: Page) {}

  async signIn(email: string, password: string) {
    await this.page.goto("/sign-in/staff");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await this.page.waitForURL(/\/queue/);
  }

  async writeNote(note: { subjective: string; objective: string; assessment: string; plan: string }) {
    await this.page.getByLabel(/^Subjective/).fill(note.subjective);
    await this.page.getByLabel(/^Objective/).fill(note.objective);
    await this.page.getByLabel(/^Assessment/).fill(note.assessment);
    await this.page.getByLabel(/^Plan/).fill(note.plan);
    await this.page.getByRole("button", { name: "Save note" }).click();
    await expect(this.page.getByText("Saved (version 1).")).toBeVisible();
  }
}

/** Reads the newest sign-in code sent to a number from the development SMS outbox. */
export async function codeFromOutbox(page: Page, e164: string): Promise<string> {
  const outbox = await page.context().newPage();
  try {
    await outbox.goto("/dev/outbox");
    const message = outbox.getByTestId("outbox-message").filter({ hasText: e164 }).first();
    await expect(message).toBeVisible();
    const body = await message.getByTestId("outbox-body").textContent();
    const code = body?.match(/\b\d{6}\b/)?.[0];
    if (!code) throw new Error(`no code in outbox message: ${body}`);
    return code;
  } finally {
    await outbox.close();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A fresh Pakistani mobile number, in local and E.164 forms. */
export function freshPhone(): { local: string; e164: string } {
  const subscriber = String(Math.floor(Math.random() * 1e7)).padStart(7, "0");
  return { local: `0345-${subscriber}`, e164: `+92345${subscriber}` };
}

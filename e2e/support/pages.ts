import { expect as playwrightExpect, type Page } from "@playwright/test";
import { EXPECT_TIMEOUT_MS } from "./timeouts";

// The suite's wait, also when a bench drives these pages outside the test runner.
const expect = playwrightExpect.configure({ timeout: EXPECT_TIMEOUT_MS });

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
    await this.openFindCare();
    await this.openClinician(doctorName);
    if (forWhom) await this.forWhomOption(forWhom).check();
    await this.page.getByRole("button", { name: /^Book / }).first().click();
    await expect(this.page.getByText("Your appointment is booked.")).toBeVisible();
  }

  /** From home, "Book a doctor": the find-care list. */
  async openFindCare() {
    await this.page.getByRole("link", { name: "Book a doctor" }).click();
    await expect(this.page.getByRole("heading", { name: "Find care", level: 1 })).toBeVisible();
  }

  /**
   * From the find-care list to one clinician's times. Waits for their page: the list has its own
   * "Book earliest" buttons and "For whom?" radios, which must not be clicked by mistake.
   */
  async openClinician(name: string) {
    await this.page.getByRole("link", { name: new RegExp(escapeRegExp(name)) }).click();
    await expect(this.page.getByRole("heading", { name: `Book with ${name}`, level: 1 })).toBeVisible();
  }

  /** Sets the find-care filters (by their visible labels) and waits for the filtered list. */
  async filterCare(choice: { specialty?: string; language?: string; femaleOnly?: boolean }) {
    const form = this.page.getByRole("search", { name: "Filter doctors" });
    const specialty = form.getByLabel("Specialty");
    const language = form.getByLabel("Language");
    const female = form.getByRole("checkbox", { name: "Female doctor" });
    if (choice.specialty !== undefined) await specialty.selectOption({ label: choice.specialty });
    if (choice.language !== undefined) await language.selectOption({ label: choice.language });
    if (choice.femaleOnly !== undefined) await female.setChecked(choice.femaleOnly);
    const expected = {
      specialty: await specialty.inputValue(),
      language: await language.inputValue(),
      female: (await female.isChecked()) ? "1" : null,
    };
    await form.getByRole("button", { name: "Show doctors" }).click();
    await this.page.waitForURL(
      (url) =>
        url.pathname === "/book" &&
        url.searchParams.get("specialty") === expected.specialty &&
        url.searchParams.get("language") === expected.language &&
        url.searchParams.get("female") === expected.female,
    );
  }

  /** Every clinician card on the find-care list. */
  careOptions() {
    return this.page.getByRole("listitem").filter({ has: this.page.getByRole("heading", { level: 2 }) });
  }

  /** One clinician's card on the find-care list. */
  careOption(name: string) {
    return this.page.getByRole("listitem").filter({ has: this.page.getByRole("heading", { name, exact: true, level: 2 }) });
  }

  /** On the find-care list, one tap on "Book earliest" for a clinician, then the confirmation. */
  async bookEarliestWith(name: string) {
    await this.careOption(name).getByRole("button", { name: /^Book earliest/ }).click();
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

/** Selectors for the pages of clinicians and facility staff. */
export class ClinicianPages {
  constructor(readonly page: Page) {}

  /** Signs in and waits for the role's home: the queue for clinicians, `/host` for facility staff. */
  async signIn(email: string, password: string, home: RegExp = /\/queue/) {
    await this.page.goto("/sign-in/staff");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await this.page.waitForURL(home);
  }

  /** Facility staff: registers a walk-in from the host page and waits for their intake form. */
  async registerWalkIn(person: { name: string; sex: "Female" | "Male"; dateOfBirth: string }) {
    await this.page.getByRole("link", { name: "New walk-in" }).click();
    await this.page.getByLabel("Full name").fill(person.name);
    await this.page.getByRole("group", { name: "Sex" }).getByRole("radio", { name: person.sex, exact: true }).check();
    await this.page.getByLabel("Date of birth").fill(person.dateOfBirth);
    await this.page.getByRole("button", { name: "Register and issue an MR ID" }).click();
    await this.page.waitForURL(/\/host\/new\/[0-9a-f-]{36}$/);
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

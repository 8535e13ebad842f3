// Runs the impairment relay in a process of its own for RelayProcess (e2e/support/impairment.ts).
import { serveRelay } from "./impairment";

serveRelay();

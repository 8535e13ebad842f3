import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Renders the not-found page when a lib function says "not found"; other errors propagate. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

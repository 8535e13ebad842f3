/**
 * The single-number vital signs a form asks for after blood pressure, with their units and
 * whether they take a decimal: the same at intake (host mode) and in the consult.
 */
export const vitalMeasurements = [
  { name: "pulse", unit: "/min", decimal: false },
  { name: "temperatureC", unit: "°C", decimal: true },
  { name: "spo2", unit: "%", decimal: false },
  { name: "respiratoryRate", unit: "/min", decimal: false },
  { name: "weightKg", unit: "kg", decimal: true },
  { name: "heightCm", unit: "cm", decimal: true },
  { name: "glucoseMgDl", unit: "mg/dL", decimal: false },
] as const;

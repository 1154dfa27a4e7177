/** How a kind of content is named and where it lives in the staff area. */
export type KindLabels = { singular: string; plural: string; base: string }

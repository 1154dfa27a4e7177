import { LabelledField, describedBy } from './form-group.tsx'

/** Props of a GOV.UK file upload; the id is the name. */
export type FileUploadProps = {
  name: string
  label: string
  hint?: string
  error?: string
  /** File types the browser's picker offers; the server checks the content regardless. */
  accept?: string
}

/** A GOV.UK file upload with its label, hint and error message. */
export const FileUpload = (props: FileUploadProps) => (
  <LabelledField id={props.name} label={props.label} hint={props.hint} error={props.error}>
    <input
      class={`govuk-file-upload${props.error ? ' govuk-file-upload--error' : ''}`}
      id={props.name}
      name={props.name}
      type="file"
      accept={props.accept}
      aria-describedby={describedBy(props.name, props.hint, props.error)}
    />
  </LabelledField>
)

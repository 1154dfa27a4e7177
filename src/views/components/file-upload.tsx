import { ErrorMessage, FormGroup, Hint, describedBy } from './form-group.tsx'

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
export const FileUpload = (props: FileUploadProps) => {
  const id = props.name
  return (
    <FormGroup error={props.error}>
      <label class="govuk-label" for={id}>
        {props.label}
      </label>
      <Hint id={id} text={props.hint} />
      <ErrorMessage id={id} text={props.error} />
      <input
        class={`govuk-file-upload${props.error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name={props.name}
        type="file"
        accept={props.accept}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </FormGroup>
  )
}

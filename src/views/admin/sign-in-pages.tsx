import type { FieldError } from '../../forms/fields.ts'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { Input } from '../components/input.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { AdminLayout, CsrfField } from './layout.tsx'

const pageTitle = (title: string, errors: FieldError[]) =>
  errors.length > 0 ? `Error: ${title}` : title

/** Email and password: the first step of built-in sign-in. */
export const SignInPage = ({ email = '', errors = [] }: { email?: string; errors?: FieldError[] }) => (
  <AdminLayout title={pageTitle('Sign in', errors)}>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-half">
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <PageHeading title="Sign in" />
        <form method="post" action="/admin/sign-in" novalidate>
          <Input name="email" label="Email address" type="email" value={email} autocomplete="username" spellcheck={false} error={errorFor(errors, 'email')} />
          <div class={`govuk-form-group${errorFor(errors, 'password') ? ' govuk-form-group--error' : ''}`}>
            <label class="govuk-label" for="password">
              Password
            </label>
            {errorFor(errors, 'password') && (
              <p id="password-error" class="govuk-error-message">
                <span class="govuk-visually-hidden">Error:</span> {errorFor(errors, 'password')}
              </p>
            )}
            <input
              class={`govuk-input${errorFor(errors, 'password') ? ' govuk-input--error' : ''}`}
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              spellcheck={false}
              aria-describedby={errorFor(errors, 'password') ? 'password-error' : undefined}
            />
          </div>
          <button type="submit" class="govuk-button">
            Continue
          </button>
        </form>
      </div>
    </div>
  </AdminLayout>
)

/** Shown instead of the password form when staff sign in through Cloudflare Access. */
export const AccessOnlyPage = () => (
  <AdminLayout title="Sign in">
    <PageHeading title="Sign in" />
    <p class="govuk-body">
      Staff sign in through Cloudflare Access. Go to <a class="govuk-link" href="/admin">the staff area</a> and sign in when Access asks you to.
    </p>
  </AdminLayout>
)

/** A form asking for one security code. */
const CodeForm = (props: { action: string; csrfToken: string; label: string; hint?: string; button: string; error?: string }) => (
  <form method="post" action={props.action} novalidate>
    <CsrfField token={props.csrfToken} />
    <Input
      name="code"
      label={props.label}
      hint={props.hint}
      autocomplete="one-time-code"
      spellcheck={false}
      widthClass="govuk-input--width-10"
      error={props.error}
    />
    <button type="submit" class="govuk-button">
      {props.button}
    </button>
  </form>
)

/** The second step: a code from the authenticator app, or a recovery code. */
export const TwoFactorPage = ({ csrfToken, errors = [] }: { csrfToken: string; errors?: FieldError[] }) => (
  <AdminLayout title={pageTitle('Enter your security code', errors)}>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-half">
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <PageHeading title="Enter your security code" />
        <CodeForm
          action="/admin/two-factor"
          csrfToken={csrfToken}
          label="Security code"
          hint="The 6-digit code from your authenticator app, or one of your recovery codes"
          button="Sign in"
          error={errorFor(errors, 'code')}
        />
      </div>
    </div>
  </AdminLayout>
)

/** Props of the second-factor set-up page. */
export type EnrolPageProps = {
  csrfToken: string
  /** The key as text, for apps that cannot scan. */
  secret: string
  /** The otpauth:// URI as an SVG QR code, in a data: URL. */
  qrDataUrl: string
  errors?: FieldError[]
}

/** First sign-in: set up the authenticator app with the QR code or the key, then confirm a code. */
export const EnrolPage = ({ csrfToken, secret, qrDataUrl, errors = [] }: EnrolPageProps) => (
  <AdminLayout title={pageTitle('Set up your authenticator app', errors)}>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <PageHeading title="Set up your authenticator app" />
        <p class="govuk-body">
          Every sign-in needs a code from an authenticator app on your phone. Scan this QR code with the app.
        </p>
        <img class="soca-qr" src={qrDataUrl} alt="QR code for your authenticator app. If you cannot scan it, enter the key shown below instead." width="200" height="200" />
        <p class="govuk-body">If you cannot scan the code, enter this key in the app:</p>
        <p class="govuk-body soca-codes">
          <code>{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        </p>
        <CodeForm
          action="/admin/enrol"
          csrfToken={csrfToken}
          label="Enter the 6-digit code the app shows"
          button="Continue"
          error={errorFor(errors, 'code')}
        />
      </div>
    </div>
  </AdminLayout>
)

/** The recovery codes, shown once, after the second factor is set up. */
export const RecoveryCodesPage = ({ codes }: { codes: string[] }) => (
  <AdminLayout title="Save your recovery codes">
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <PageHeading title="Save your recovery codes" />
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            This is the only time these codes are shown. Keep them somewhere safe and separate from your phone.
          </strong>
        </div>
        <p class="govuk-body">If you lose your phone, each code lets you sign in once instead of a code from the app.</p>
        <ul class="govuk-list soca-codes">
          {codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <a class="govuk-button" href="/admin">
          Continue to the staff area
        </a>
      </div>
    </div>
  </AdminLayout>
)
